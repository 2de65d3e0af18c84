import { computed, nextTick, ref, shallowRef } from 'vue'
import type { z } from 'zod'
import type { ApiResult } from '../../src-shared/api/result'
import type { MeterFormContext } from '../../src-shared/meters/contract'
import { useFieldErrors, useMeterSave } from './meter-form'
import { useMetersStore } from './store'

/** Loads what a meter form checks against (today, services, the old meter) when it opens. */
export function useMeterFormContext(accountId: string, meterId?: string) {
  const context = shallowRef<MeterFormContext | null>(null)
  const error = ref<string | null>(null)
  const loaded = useMetersStore()
    .formContext(accountId, meterId)
    .then((result) => {
      if (result.ok) context.value = result.value
      else error.value = result.error.message
      return result.ok ? result.value : null
    })
  return { context, error, loaded }
}

/**
 * One meter dialog (install, replace, remove): its context loaded, then the form filled from it
 * and the first field focused; the fields checked against the schema the context makes; one save.
 */
export function useMeterDialog<S extends z.ZodType>(options: {
  accountId: string
  meterId?: string
  schema: (context: MeterFormContext | null) => S
  input: () => unknown
  /** Fills the form from the context; answers the id of the field to focus, or null. */
  opened: (context: MeterFormContext) => string | null
  send: () => Promise<ApiResult<{ meterId: string }>>
  done: (meterId: string) => void
}) {
  const {
    context,
    error: loadError,
    loaded,
  } = useMeterFormContext(options.accountId, options.meterId)
  const schema = computed(() => options.schema(context.value))
  const errors = useFieldErrors(schema, options.input)

  void loaded.then(async (ctx) => {
    const focus = ctx && options.opened(ctx)
    if (!focus) return
    await nextTick()
    document.getElementById(focus)?.focus()
  })

  const { busy, message, save } = useMeterSave(
    errors,
    () => !!context.value,
    options.send,
    options.done,
  )
  const shownError = computed(() => loadError.value ?? message.value)
  return { context, errors, busy, error: shownError, save }
}
