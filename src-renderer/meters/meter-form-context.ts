import { computed, nextTick, ref, shallowRef } from 'vue'
import type { z } from 'zod'
import type { ApiResult } from '../../src-shared/api/result'
import type { MeterFormContext, OldMeter } from '../../src-shared/meters/contract'
import type { MeterRules } from '../../src-shared/meters/schemas'
import { emptyReadings, useFieldErrors, useMeterSave } from './meter-form'
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
 * `dialog` is what its MeterDialog shows and does (ready, busy, the error, save and close).
 */
export function useMeterDialog<S extends z.ZodType>(options: {
  accountId: string
  meterId?: string
  /** The form can be shown: the context loaded (and, for an installed meter, it found). */
  ready?: (context: MeterFormContext) => boolean
  schema: (context: MeterFormContext | null) => S
  input: () => unknown
  /** Fills the form from the context; answers the id of the field to focus, or null. */
  opened: (context: MeterFormContext) => string | null
  send: () => Promise<ApiResult<{ meterId: string }>>
  /** The dialog's own emit: `done` with the meter saved, `close`. */
  emit: { (event: 'done', meterId: string): void; (event: 'close'): void }
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
    (meterId) => options.emit('done', meterId),
  )
  const dialog = computed(() => ({
    ready: context.value !== null && (options.ready?.(context.value) ?? true),
    busy: busy.value,
    error: loadError.value ?? message.value,
    onSave: save,
    onClose: () => options.emit('close'),
  }))
  return { context, errors, dialog }
}

/**
 * A dialog that takes an installed meter off the account (replace, remove): shown once the old
 * meter is found, its final readings typed first (focused when it opens) and checked against the
 * old meter's last ones. `fields` is the rest of the dialog's input; `opened` fills the rest of
 * the form from the context.
 */
export function useOldMeterDialog<S extends z.ZodType, F extends object>(options: {
  accountId: string
  meterId: string
  schema: (rules: MeterRules) => S
  fields: () => F
  opened?: (context: MeterFormContext & { old: OldMeter }) => void
  send: (
    input: {
      accountId: string
      meterId: string
      finalReadings: ReturnType<typeof emptyReadings>
    } & F,
  ) => Promise<ApiResult<{ meterId: string }>>
  emit: { (event: 'done', meterId: string): void; (event: 'close'): void }
}) {
  const finals = ref(emptyReadings())
  const input = () => ({
    accountId: options.accountId,
    meterId: options.meterId,
    finalReadings: finals.value,
    ...options.fields(),
  })
  const meterDialog = useMeterDialog({
    accountId: options.accountId,
    meterId: options.meterId,
    ready: (ctx) => ctx.old != null,
    schema: (ctx) => options.schema({ today: ctx?.today, old: ctx?.old ?? undefined }),
    input,
    opened: (ctx) => {
      if (!ctx.old) return null
      options.opened?.({ ...ctx, old: ctx.old })
      return 'meter-final-T1'
    },
    send: () => options.send(input()),
    emit: options.emit,
  })
  return { ...meterDialog, finals }
}
