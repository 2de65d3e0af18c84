import { computed, reactive, ref, type Ref } from 'vue'
import type { ApiError, ApiResult } from '../../src-shared/api/result'
import { validate } from '../../src-shared/api/validation'
import type { MeterService, NewMeterInput } from '../../src-shared/meters/schemas'
import type { Zone } from '../../src-shared/readings/domain'
import type { z } from 'zod'

/** The new meter's fields as typed: strings, kept as they are whatever the checks say. */
export interface MeterFormState {
  service: MeterService | ''
  model: string
  serialNumber: string
  zones: string
  intDigits: string
  fracDigits: string
  transformationRatio: string
  accuracyClass: string
  phases: string
  location: string
  installedAt: string
  verifiedAt: string
  verificationIntervalYears: string
  seals: string
  initialReadings: Record<Zone, string>
}

const shown = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/

/** "05.03.2026" → "2026-03-05" for the schema; anything else goes as typed (and is refused). */
export function isoFromTyped(text: string): string {
  const m = shown.exec(text.trim())
  if (!m) return text.trim()
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
}

/** "2026-03-05" → "05.03.2026", how the clerk types dates. */
export function typedFromIso(iso: string): string {
  return iso.split('-').reverse().join('.')
}

export function emptyReadings(): Record<Zone, string> {
  return { T1: '', T2: '', T3: '' }
}

export function emptyMeterForm(today: string, service: MeterService | ''): MeterFormState {
  return {
    service,
    model: '',
    serialNumber: '',
    zones: '1',
    intDigits: '',
    fracDigits: '',
    transformationRatio: '1',
    accuracyClass: '',
    phases: '',
    location: '',
    installedAt: typedFromIso(today),
    verifiedAt: '',
    verificationIntervalYears: '',
    seals: '',
    initialReadings: emptyReadings(),
  }
}

/** The form as the shared schema reads it. */
export function meterInput(form: MeterFormState): NewMeterInput {
  return {
    ...form,
    installedAt: isoFromTyped(form.installedAt),
    verifiedAt: isoFromTyped(form.verifiedAt),
  } as NewMeterInput
}

/** How many zones the typed meter reads (1 until a valid count is chosen). */
export function zoneCount(form: MeterFormState): 1 | 2 | 3 {
  const n = Number(form.zones)
  return n === 2 || n === 3 ? n : 1
}

/**
 * Live field errors from the shared schema: shown for a field once it was left (or after the
 * first attempt to save), merged with what the workstation answered. Nothing typed is touched.
 */
export function useFieldErrors<S extends z.ZodType>(schema: Ref<S>, input: () => unknown) {
  const touched = reactive(new Set<string>())
  const attempted = ref(false)
  const answered = ref<Record<string, string>>({})
  const live = computed(() => {
    const result = validate(schema.value, input())
    return result.ok ? {} : (result.error.fields ?? {})
  })
  const valid = computed(() => Object.keys(live.value).length === 0)

  function matches(key: string, field: string): boolean {
    return key === field || key.startsWith(`${field}.`)
  }

  /** The message for a field (or anything inside it), once it should be shown. */
  function errorOf(field: string): string | null {
    const show = attempted.value || [...touched].some((t) => matches(field, t) || matches(t, field))
    if (show) {
      for (const [key, message] of Object.entries(live.value))
        if (matches(key, field)) return message
    }
    for (const [key, message] of Object.entries(answered.value))
      if (matches(key, field)) return message
    return null
  }

  /** The clerk left the field: its live error shows from now on. */
  function touch(field: string): void {
    touched.add(field)
  }

  /** A changed field is checked again: the workstation's old answer no longer applies. */
  function changed(field: string): void {
    answered.value = Object.fromEntries(
      Object.entries(answered.value).filter(([key]) => !matches(key, field)),
    )
  }

  function answer(error: ApiError): string {
    answered.value = error.fields ?? {}
    return error.message
  }

  return { errorOf, touch, changed, answer, attempted, valid, live }
}

export type FieldErrors = ReturnType<typeof useFieldErrors>

/**
 * A meter dialog's save: the form checked first (the first problem shown), then sent once; the
 * dialog closes with the meter, or shows the workstation's refusal under its fields.
 */
export function useMeterSave(
  errors: FieldErrors,
  ready: () => boolean,
  send: () => Promise<ApiResult<{ meterId: string }>>,
  done: (meterId: string) => void,
) {
  const busy = ref(false)
  const message = ref<string | null>(null)

  async function save(): Promise<void> {
    if (busy.value || !ready()) return
    errors.attempted.value = true
    if (!errors.valid.value) {
      message.value = Object.values(errors.live.value)[0] ?? null
      return
    }
    busy.value = true
    const result = await send()
    busy.value = false
    if (result.ok) done(result.value.meterId)
    else message.value = errors.answer(result.error)
  }

  return { busy, message, save }
}
