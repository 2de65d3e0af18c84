import { computed, type ComputedRef } from 'vue'
import type { ApiError } from '../../src-shared/api/result'

/**
 * A refusal split for a form: each field's message under it, and the message once above the
 * buttons when it names none of the fields the form shows.
 */
export function useFieldErrors(
  error: () => ApiError | null,
  shown: () => readonly string[],
): { fieldError: (name: string) => string; generalError: ComputedRef<string | null> } {
  return {
    fieldError: (name) => error()?.fields?.[name] ?? '',
    generalError: computed(() => {
      const e = error()
      if (!e) return null
      const fields = shown()
      return Object.keys(e.fields ?? {}).some((f) => fields.includes(f)) ? null : e.message
    }),
  }
}

/** One line for a refusal: the first field's message (it names the field), else the message. */
export function firstMessage(error: ApiError): string {
  return Object.values(error.fields ?? {})[0] ?? error.message
}
