import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ApiError } from '../../src-shared/api/result'
import type { ReadingEntryMeter, SubmitReadingsResult } from '../../src-shared/readings/contract'
import type { ReadingSource, Zone } from '../../src-shared/readings/domain'
import { estimateSubmissionAmount } from '../../src-shared/readings/estimate-amount'
import type { ReadingCheckStatus } from '../../src-shared/readings/issues'
import {
  validateReadingSubmission,
  type ReadingSubmissionResult,
} from '../../src-shared/readings/validate-reading'
import { meterZones } from '../../src-shared/readings/zone-label'
import { call } from '../api/client'
import { useOpened } from '../api/latest'

export type EntryPhase = 'edit' | 'confirm' | 'saved'

/** One meter the clerk typed something for, checked by the same rules the server runs. */
export interface MeterCheck {
  meter: ReadingEntryMeter
  result: ReadingSubmissionResult
  /** "About N roubles" in kopecks; null when it cannot be told. */
  estimate: number | null
}

type TypedValues = Record<string, Partial<Record<Zone, string>>>

/** The readings entry screen: what was typed, the live checks, the confirm and save steps. */
export const useReadingEntryStore = defineStore('readingEntry', () => {
  const opened = useOpened((accountId: string) => call('readings.entryContext', { accountId }))
  const { value: context, error: loadError } = opened
  const values = ref<TypedValues>({})
  const source = ref<ReadingSource>('phone')
  const readingDate = ref('')
  const phase = ref<EntryPhase>('edit')
  const reason = ref('')
  const supervisorLogin = ref('')
  const supervisorPassword = ref('')
  const saving = ref(false)
  const saveError = ref<ApiError | null>(null)
  const saved = shallowRef<SubmitReadingsResult | null>(null)

  function reset(): void {
    values.value = {}
    source.value = 'phone'
    phase.value = 'edit'
    reason.value = ''
    supervisorLogin.value = ''
    supervisorPassword.value = ''
    saveError.value = null
    saved.value = null
  }

  async function load(accountId: string): Promise<void> {
    reset()
    const opening = await opened.open(accountId)
    if (opening) readingDate.value = opening.today
  }

  const activeMeters = computed(
    () => context.value?.meters.filter((m) => m.status === 'active') ?? [],
  )

  function typed(meterId: string): Partial<Record<Zone, string>> {
    return values.value[meterId] ?? {}
  }

  function setValue(meterId: string, zone: Zone, value: string): void {
    values.value = { ...values.value, [meterId]: { ...typed(meterId), [zone]: value } }
    saveError.value = null
  }

  function check(meter: ReadingEntryMeter): MeterCheck {
    const ctx = context.value!
    const result = validateReadingSubmission({
      meter,
      values: typed(meter.meterId),
      readingDate: readingDate.value || ctx.today,
      entryDate: ctx.today,
      previous: meter.previous,
      history: meter.history,
      occupied: ctx.occupied,
      settings: ctx.rules,
      closedPeriods: ctx.closedPeriods,
    })
    return {
      meter,
      result,
      estimate: estimateSubmissionAmount(result.zones, meter.ratesMillikopecks),
    }
  }

  /** Meters with at least one zone typed: the ones the submission carries. */
  const checks = computed<MeterCheck[]>(() =>
    activeMeters.value
      .filter((m) => meterZones(m.zones).some((z) => (typed(m.meterId)[z] ?? '').trim() !== ''))
      .map(check),
  )

  const status = computed<ReadingCheckStatus>(() => {
    const all = checks.value.map((c) => c.result.status)
    if (all.includes('error')) return 'error'
    return all.includes('warning') ? 'warning' : 'ok'
  })

  /** Errors that a supervisor may accept (unusual but readable numbers), and nothing worse. */
  const supervisorMayAccept = computed(
    () =>
      status.value === 'error' &&
      checks.value.every((c) => c.result.status !== 'error' || c.result.supervisorMayAccept),
  )

  const estimateTotal = computed(() => {
    const all = checks.value.map((c) => c.estimate)
    return all.length > 0 && all.every((x) => x !== null) ? all.reduce((a, b) => a! + b!, 0) : null
  })

  function openConfirm(): boolean {
    if (checks.value.length === 0) return false
    phase.value = 'confirm'
    saveError.value = null
    return true
  }

  function backToEdit(): void {
    phase.value = 'edit'
    saveError.value = null
  }

  /** Saves all checked meters in one command; the server checks everything again. */
  async function save(needsSupervisorPassword: boolean): Promise<boolean> {
    const ctx = context.value
    if (!ctx || saving.value || phase.value !== 'confirm') return false
    saving.value = true
    saveError.value = null
    const result = await call('readings.submit', {
      accountId: ctx.accountId,
      source: source.value,
      readingDate: readingDate.value,
      meters: checks.value.map((c) => ({
        meterId: c.meter.meterId,
        values: typed(c.meter.meterId),
      })),
      confirmReason: reason.value.trim() || undefined,
      supervisor: needsSupervisorPassword
        ? { login: supervisorLogin.value, password: supervisorPassword.value }
        : undefined,
    })
    saving.value = false
    if (!result.ok) {
      saveError.value = result.error
      return false
    }
    saved.value = result.value
    phase.value = 'saved'
    return true
  }

  return {
    context,
    loadError,
    values,
    source,
    readingDate,
    phase,
    reason,
    supervisorLogin,
    supervisorPassword,
    saving,
    saveError,
    saved,
    activeMeters,
    checks,
    status,
    supervisorMayAccept,
    estimateTotal,
    load,
    typed,
    setValue,
    check,
    openConfirm,
    backToEdit,
    save,
  }
})
