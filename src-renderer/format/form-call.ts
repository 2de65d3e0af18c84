import { ref } from 'vue'
import type { ApiResult } from '../../src-shared/api/result'

/**
 * A small form's save (a consent, a linked person, a cancellation): one call at a time, busy
 * while it runs, a refusal shown as one line (its first field's message, or its own). What was
 * typed stays for the clerk to correct. Answers null when a call is already running.
 */
export function useFormCall() {
  const busy = ref(false)
  const error = ref<string | null>(null)

  async function run<T>(send: () => Promise<ApiResult<T>>): Promise<ApiResult<T> | null> {
    if (busy.value) return null
    busy.value = true
    const result = await send()
    busy.value = false
    error.value = result.ok
      ? null
      : (Object.values(result.error.fields ?? {})[0] ?? result.error.message)
    return result
  }

  return { busy, error, run }
}
