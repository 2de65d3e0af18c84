import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { parseAmount } from '../../src-shared/money/parse-amount'
import type { ShiftState } from '../../src-shared/shifts/contract'
import type { ShiftReport } from '../../src-shared/shifts/report'
import { call } from '../api/client'
import { translate } from '../i18n'

/** The field the cashier is sent to after a refused close. */
export type CloseField =
  'shift-supervisor-login' | 'shift-supervisor-password' | 'shift-difference-reason'

/**
 * The cash desk's shift at this workstation: the one open, its X report (or the Z report of the
 * one just closed), opening it, and the close as the cashier types it (counted cash, the
 * difference's reason, a supervisor's login when the desk asks for one).
 */
export const useShiftsStore = defineStore('shifts', () => {
  const shift = shallowRef<ShiftState>(null)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  const report = shallowRef<{ shiftId: string; report: ShiftReport } | null>(null)
  const countedCash = ref('')
  const differenceReason = ref('')
  const supervisorLogin = ref('')
  const supervisorPassword = ref('')
  /** The desk answered that this difference needs a supervisor: their login and password show. */
  const needsSupervisor = ref(false)
  const fieldErrors = ref<Record<string, string>>({})

  /** Counted minus expected as typed, while the X report of the open shift is shown. */
  const difference = computed(() => {
    if (!shift.value || !report.value || report.value.report.kind !== 'x') return null
    const counted = parseAmount(countedCash.value, { allowZero: true })
    return counted.ok ? counted.kopecks - report.value.report.expectedCash : null
  })

  function clearClose(): void {
    countedCash.value = ''
    differenceReason.value = ''
    supervisorLogin.value = ''
    supervisorPassword.value = ''
    needsSupervisor.value = false
    fieldErrors.value = {}
  }

  /** The screen opens afresh: nothing of an earlier visit shows while the shift is asked. */
  function clear(): void {
    shift.value = null
    loaded.value = false
    error.value = null
    report.value = null
    clearClose()
  }

  async function load(): Promise<void> {
    const result = await call('shifts.current', {})
    loaded.value = true
    if (!result.ok) {
      error.value = result.error.message
      return
    }
    shift.value = result.value
    report.value = null
    if (result.value) await showReport()
  }

  /** The open shift's X report, or a closed shift's Z report. */
  async function showReport(shiftId?: string): Promise<void> {
    const result = await call('shifts.report', { shiftId })
    if (result.ok) report.value = result.value
    else error.value = result.error.message
  }

  function amountOf(text: string, field: string): number | null {
    const parsed = parseAmount(text, { allowZero: true })
    if (parsed.ok) return parsed.kopecks
    error.value = translate('shifts.amountError', { field, message: parsed.message })
    return null
  }

  /** Opens a shift with the cash typed; true once it is open. */
  async function open(openingCashText: string): Promise<boolean> {
    error.value = null
    const kopecks = amountOf(openingCashText, translate('shifts.openingCash'))
    if (kopecks === null) return false
    const result = await call('shifts.open', { openingCash: kopecks })
    if (!result.ok) {
      error.value = result.error.message
      return false
    }
    await load()
    return true
  }

  /** Closes the shift as typed: the Z report shows, or the field to correct is answered. */
  async function close(): Promise<CloseField | null> {
    error.value = null
    fieldErrors.value = {}
    const kopecks = amountOf(countedCash.value, translate('shifts.countedCash'))
    if (kopecks === null) return null
    const result = await call('shifts.close', {
      countedCash: kopecks,
      differenceReason: differenceReason.value.trim() || undefined,
      supervisor:
        needsSupervisor.value && supervisorLogin.value
          ? { login: supervisorLogin.value, password: supervisorPassword.value }
          : undefined,
    })
    if (!result.ok) {
      const fields = result.error.fields ?? {}
      if ('supervisor' in fields) {
        needsSupervisor.value = true
        fieldErrors.value = { supervisor: fields.supervisor! }
        return supervisorLogin.value ? 'shift-supervisor-password' : 'shift-supervisor-login'
      }
      if ('differenceReason' in fields) {
        fieldErrors.value = { differenceReason: fields.differenceReason! }
        return 'shift-difference-reason'
      }
      error.value = result.error.message
      return null
    }
    shift.value = null
    report.value = result.value
    clearClose()
    return null
  }

  return {
    shift,
    loaded,
    error,
    report,
    countedCash,
    differenceReason,
    supervisorLogin,
    supervisorPassword,
    needsSupervisor,
    fieldErrors,
    difference,
    clear,
    load,
    showReport,
    open,
    close,
  }
})
