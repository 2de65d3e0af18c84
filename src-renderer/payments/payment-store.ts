import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ApiError } from '../../src-shared/api/result'
import { formatKopecks } from '../../src-shared/money/format'
import type { Service } from '../../src-shared/accounts/domain'
import {
  cashDeskRoles,
  type PrintedDocument,
  type RecordedPayment,
} from '../../src-shared/payments/contract'
import {
  changeFor,
  exactCashText,
  keepOnlyLine,
  linesTotal,
  parseLineText,
} from '../../src-shared/payments/line-entry'
import { parseAmount } from '../../src-shared/money/parse-amount'
import { call, caller } from '../api/client'
import { useOpened } from '../api/latest'
import { printDocument } from '../documents/print'
import { translate } from '../i18n'
import { useSessionStore } from '../operators/session-store'

export type PaymentMethodChoice = 'cash' | 'card'

/** What a caller may fill in before the cashier sees the payment (e.g. from a scanned bill). */
export interface PaymentPrefill {
  /** Amounts in kopecks per line; lines not named are left empty. */
  lines?: { supplierId: string; service: Service; amount: number }[]
  payer?: string
  /** Cash handed over, in kopecks (a scanned bill: its sum, so F9 takes it). */
  cashGiven?: number
}

export type ReceiptLayout = '80mm' | 'a4'

/**
 * Payments: the payment screen (the proposal, what the cashier typed, recording and printing),
 * an account's payment history and a payment's cancellation.
 */
export const usePaymentStore = defineStore('payment', () => {
  const session = useSessionStore()
  const opened = useOpened((accountId: string) => call('payments.proposal', { accountId }))
  const { value: proposal, error: loadError } = opened
  const amounts = ref<string[]>([])
  const method = ref<PaymentMethodChoice>('cash')
  const cashGiven = ref('')
  const cardReference = ref('')
  const payer = ref('')
  const saving = ref(false)
  const saveError = ref<ApiError | null>(null)
  const recorded = shallowRef<RecordedPayment | null>(null)
  const receiptHtml = ref('')
  const printed = shallowRef<PrintedDocument | null>(null)
  const printError = ref<string | null>(null)
  const receiptLayout = ref<ReceiptLayout>('80mm')

  /** The cashier learns on opening, not at F9, that their role takes no payments. */
  const mayTakePayments = computed(
    () => session.info !== null && cashDeskRoles.includes(session.info.role),
  )
  const total = computed(() => linesTotal(amounts.value))
  const change = computed(() =>
    method.value === 'cash' ? changeFor(total.value, cashGiven.value) : null,
  )

  function reset(): void {
    proposal.value = null
    loadError.value = null
    amounts.value = []
    method.value = 'cash'
    cashGiven.value = ''
    cardReference.value = ''
    payer.value = ''
    saving.value = false
    saveError.value = null
    recorded.value = null
    receiptHtml.value = ''
    printed.value = null
    printError.value = null
  }

  /** Opens the payment of an account: every line's debt proposed, or the prefill's amounts. */
  async function openPayment(accountId: string, prefill?: PaymentPrefill): Promise<void> {
    reset()
    const opening = await opened.open(accountId)
    if (!opening) return
    amounts.value = opening.lines.map((line) => {
      if (prefill?.lines) {
        const given = prefill.lines.find(
          (p) => p.supplierId === line.supplierId && p.service === line.service,
        )
        return given ? formatKopecks(given.amount) : ''
      }
      return line.debt > 0 ? formatKopecks(line.debt) : ''
    })
    if (prefill?.payer) payer.value = prefill.payer
    if (prefill?.cashGiven !== undefined) cashGiven.value = formatKopecks(prefill.cashGiven)
  }

  function setMethod(next: PaymentMethodChoice): void {
    method.value = next
    // An error about the other method's field no longer applies.
    saveError.value = null
  }

  function keepOnly(index: number): void {
    amounts.value = keepOnlyLine(amounts.value, index)
    saveError.value = null
  }

  function fillExactCash(): void {
    cashGiven.value = exactCashText(total.value)
  }

  function invalid(field: string, message: string): void {
    saveError.value = { code: 'invalid_input', message, fields: { [field]: message } }
  }

  async function record(): Promise<void> {
    const p = proposal.value
    if (!p || saving.value || recorded.value) return
    const parsed = amounts.value.map(parseLineText)
    const bad = parsed.findIndex((x) => !x.ok)
    if (bad >= 0) {
      const line = parsed[bad]!
      if (!line.ok)
        invalid(`lines.${bad}.amount`, translate('payments.amountError', { message: line.message }))
      return
    }
    let given: number | undefined
    if (method.value === 'cash') {
      const cash = parseAmount(cashGiven.value, { allowZero: true })
      if (!cash.ok) {
        invalid('cashGiven', translate('payments.cashGivenError', { message: cash.message }))
        return
      }
      given = cash.kopecks
    }
    saving.value = true
    saveError.value = null
    const result = await call('payments.record', {
      accountId: p.accountId,
      lines: p.lines.map((l, i) => ({
        supplierId: l.supplierId,
        service: l.service,
        amount: (parsed[i] as { kopecks: number }).kopecks,
      })),
      method: method.value,
      cashGiven: given,
      cardReference: method.value === 'card' ? cardReference.value : undefined,
      payer: payer.value || undefined,
    })
    saving.value = false
    if (!result.ok) {
      saveError.value = result.error
      return
    }
    recorded.value = result.value
    await loadReceipt()
  }

  async function loadReceipt(): Promise<void> {
    if (!recorded.value) return
    const receipt = await call('payments.receipt', {
      paymentId: recorded.value.paymentId,
      layout: receiptLayout.value,
    })
    if (receipt.ok) receiptHtml.value = receipt.value.html
  }

  /** The receipt on an 80 mm roll or on A4: the preview follows the choice. */
  async function setReceiptLayout(layout: ReceiptLayout): Promise<void> {
    receiptLayout.value = layout
    await loadReceipt()
  }

  async function print(): Promise<void> {
    if (!recorded.value) return
    printError.value = null
    const result = await printDocument('payments.print', {
      paymentId: recorded.value.paymentId,
      layout: receiptLayout.value,
    })
    if (result.ok) printed.value = result.printed
    else printError.value = result.message
  }

  const history = caller('payments.history')
  const cancel = caller('payments.cancel')

  return {
    proposal,
    loadError,
    amounts,
    method,
    cashGiven,
    cardReference,
    payer,
    saving,
    saveError,
    recorded,
    receiptHtml,
    printed,
    printError,
    receiptLayout,
    mayTakePayments,
    total,
    change,
    openPayment,
    setMethod,
    keepOnly,
    fillExactCash,
    record,
    setReceiptLayout,
    print,
    history,
    cancel,
  }
})
