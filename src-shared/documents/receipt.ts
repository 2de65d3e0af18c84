import type { Service } from '../accounts/domain'
import type { FiscalData } from '../cash-register/register'
import { amountInWords } from '../money/amount-in-words'
import { formatRub } from '../money/format'
import { assertKopecks } from '../money/kopecks'
import { cashChange } from '../payments/change'
import type { PaymentMethod } from '../payments/domain'
import { methodNames, refundMethodNames, serviceNames } from './labels'
import { officeDateTime, type OfficeDateTime } from './office-time'

export interface ReceiptCompany {
  name: string
  /** 10 digits for a company, 12 for an individual entrepreneur. */
  inn: string
}

export interface ReceiptLineInput {
  service: Service
  /** The name from the service directory; the standard Russian name when absent. */
  serviceName?: string
  supplierName: string
  amount: number
}

/** What every receipt of the office shares. */
interface ReceiptBaseInput {
  company: ReceiptCompany
  officeAddress: string
  /** The office time zone (a setting), e.g. "Europe/Moscow". */
  timeZone: string
  receiptNumber: string
  accountNumber: string
  payer: string
  address: string
  lines: readonly ReceiptLineInput[]
  method: PaymentMethod
  /** Present when a cash register fiscalised the operation. */
  fiscal?: FiscalData | null
}

export interface PaymentReceiptInput extends ReceiptBaseInput {
  paidAt: string
  cashier: string
  /** Cash handed over; required for cash, absent otherwise. */
  cashGiven?: number | null
  /**
   * A copy of a payment taken elsewhere (pulled from the server, which does not keep the cash
   * handed over): a cash payment then prints without the cash given and the change.
   */
  copy?: boolean
  /** The card terminal's reference (RRN or authorisation code), for card payments. */
  cardReference?: string | null
}

export interface CancellationReceiptInput extends ReceiptBaseInput {
  cancelledAt: string
  originalReceiptNumber: string
  originalPaidAt: string
  supervisor: string
  reason: string
}

export interface ReceiptLine {
  service: Service
  serviceName: string
  supplierName: string
  amount: number
  amountText: string
}

export interface ReceiptFiscal {
  registerNumber: string
  fiscalDriveNumber: string
  fiscalDocumentNumber: string
  fiscalSign: string
  qrText: string | null
}

/** Fields every receipt model has, all computed and formatted. */
interface ReceiptBase {
  title: string
  companyName: string
  companyInn: string
  officeAddress: string
  receiptNumber: string
  issuedAt: OfficeDateTime
  accountNumber: string
  payer: string
  address: string
  lines: ReceiptLine[]
  method: PaymentMethod
  methodName: string
  total: number
  totalText: string
  amountInWords: string
  fiscal: ReceiptFiscal | null
}

export interface PaymentReceipt extends ReceiptBase {
  kind: 'payment'
  cashier: string
  cashGiven: number | null
  cashGivenText: string | null
  change: number | null
  changeText: string | null
  cardReference: string | null
}

export interface CancellationReceipt extends ReceiptBase {
  kind: 'cancellation'
  originalReceiptNumber: string
  originalPaidAt: OfficeDateTime
  supervisor: string
  reason: string
}

export type ReceiptModel = PaymentReceipt | CancellationReceipt

/** A required text, trimmed; an empty one is a bug upstream, not something to print. */
function required(value: string, what: string): string {
  const text = value.trim()
  if (text === '') throw new Error(`receipt: ${what} is empty`)
  return text
}

function linesOf(input: readonly ReceiptLineInput[]): ReceiptLine[] {
  const lines: ReceiptLine[] = []
  for (const l of input) {
    assertKopecks(l.amount, 'line amount')
    if (l.amount < 0) throw new Error(`receipt: negative line amount ${l.amount}`)
    // Lines the payment left at zero are not services paid: they are not printed.
    if (l.amount === 0) continue
    lines.push({
      service: l.service,
      serviceName: required(l.serviceName ?? serviceNames[l.service], 'service name'),
      supplierName: required(l.supplierName, 'supplier name'),
      amount: l.amount,
      amountText: formatRub(l.amount),
    })
  }
  if (lines.length === 0) throw new Error('receipt: no line with an amount')
  return lines
}

function fiscalOf(fiscal: FiscalData | null | undefined): ReceiptFiscal | null {
  if (!fiscal) return null
  return {
    registerNumber: required(fiscal.registerNumber, 'register number'),
    fiscalDriveNumber: required(fiscal.fiscalDriveNumber, 'fiscal drive number'),
    fiscalDocumentNumber: required(fiscal.fiscalDocumentNumber, 'fiscal document number'),
    fiscalSign: required(fiscal.fiscalSign, 'fiscal sign'),
    qrText: fiscal.qrText?.trim() || null,
  }
}

function baseOf(
  input: ReceiptBaseInput,
  title: string,
  at: string,
  methodName: string,
): ReceiptBase {
  const inn = input.company.inn.trim()
  if (!/^(\d{10}|\d{12})$/.test(inn)) throw new Error(`receipt: INN is not 10 or 12 digits: ${inn}`)
  const lines = linesOf(input.lines)
  const total = lines.reduce((sum, l) => sum + l.amount, 0)
  return {
    title,
    companyName: required(input.company.name, 'company name'),
    companyInn: inn,
    officeAddress: required(input.officeAddress, 'office address'),
    receiptNumber: required(input.receiptNumber, 'receipt number'),
    issuedAt: officeDateTime(at, input.timeZone),
    accountNumber: required(input.accountNumber, 'account number'),
    payer: required(input.payer, 'payer'),
    address: required(input.address, 'address'),
    lines,
    method: input.method,
    methodName,
    total,
    totalText: formatRub(total),
    amountInWords: amountInWords(total),
    fiscal: fiscalOf(input.fiscal),
  }
}

/** The receipt the cashier prints after a payment: every figure computed here. */
export function buildPaymentReceipt(input: PaymentReceiptInput): PaymentReceipt {
  const base = baseOf(input, 'Квитанция об оплате', input.paidAt, methodNames[input.method])
  const cashGiven = input.cashGiven ?? null
  let change: number | null = null
  if (input.method === 'cash') {
    if (cashGiven === null && !input.copy)
      throw new Error('receipt: a cash payment needs the cash given')
    if (cashGiven !== null) {
      const result = cashChange(base.total, cashGiven)
      if (!result.ok) throw new Error(result.message)
      change = result.change
    }
  } else if (cashGiven !== null) {
    throw new Error(`receipt: cash given for a ${input.method} payment`)
  }
  const cardReference = input.cardReference?.trim() || null
  if (cardReference !== null && input.method !== 'card')
    throw new Error(`receipt: a card reference for a ${input.method} payment`)
  return {
    kind: 'payment',
    ...base,
    cashier: required(input.cashier, 'cashier'),
    cashGiven,
    cashGivenText: cashGiven === null ? null : formatRub(cashGiven),
    change,
    changeText: change === null ? null : formatRub(change),
    cardReference,
  }
}

/** The receipt printed when a supervisor cancels a payment: what is returned, why, by whom. */
export function buildCancellationReceipt(input: CancellationReceiptInput): CancellationReceipt {
  return {
    kind: 'cancellation',
    ...baseOf(
      input,
      'Квитанция об отмене платежа',
      input.cancelledAt,
      refundMethodNames[input.method],
    ),
    originalReceiptNumber: required(input.originalReceiptNumber, 'original receipt number'),
    originalPaidAt: officeDateTime(input.originalPaidAt, input.timeZone),
    supervisor: required(input.supervisor, 'supervisor'),
    reason: required(input.reason, 'reason'),
  }
}
