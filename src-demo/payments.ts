import type { AccountLedger } from './account-ledger'
import { isoDate, officeInstant } from './calendar'
import type { GenContext } from './context'
import type { Rng } from './rng'
import type { PaymentLineRow, PaymentRow } from './types'
import { receiptNumber as formatReceiptNumber } from '../src-shared/payments/receipt-number'

export type Channel = PaymentRow['channel']
export type Method = PaymentRow['method']

export interface PaymentInput {
  ctx: GenContext
  rng: Rng
  accountId: string
  /** The office that serves the account; a few pay at another one. */
  office: number
  channel: Channel
  day: number
  amount: number
  ledger: AccountLedger
  payments: PaymentRow[]
  lines: PaymentLineRow[]
}

function methodFor(rng: Rng, channel: Channel): Method {
  if (channel === 'office') return rng.chance(0.62) ? 'cash' : 'card'
  if (channel === 'portal') return 'card'
  if (channel === 'post') return 'cash'
  return rng.weighted<Method>([
    ['transfer', 6],
    ['card', 3],
    ['cash', 1],
  ])
}

/** A bank's or the post's reference for the payment in its registry. */
function externalRef(rng: Rng, channel: Channel, day: number): string | null {
  const ymd = isoDate(day).replaceAll('-', '').slice(2)
  if (channel === 'bank') return `СБ${ymd}${rng.digits(8)}`
  if (channel === 'portal') return `ЛК-${ymd}-${rng.digits(6)}`
  if (channel === 'post') return `ПР${ymd}${rng.digits(6)}`
  return null
}

/** Records one payment and its split by supplier and service. */
export function recordPayment(p: PaymentInput): void {
  const { ctx, rng, channel } = p
  const atOffice = channel === 'office'
  const officeIndex =
    atOffice && rng.chance(0.08) ? rng.int(0, ctx.refs.offices.length - 1) : p.office
  const office = ctx.refs.offices[officeIndex] as GenContext['refs']['offices'][number]
  const minutes =
    atOffice || channel === 'post' ? rng.int(9 * 60, 17 * 60 + 30) : rng.int(7 * 60, 23 * 60)
  const paidAt = officeInstant(p.day, minutes)
  let receiptNumber: string | null = null
  if (atOffice) {
    const n = ((ctx.receipts[officeIndex] as number) += 1)
    receiptNumber = formatReceiptNumber(office.receiptPrefix, n)
  }
  const payment: PaymentRow = {
    id: ctx.nextId(),
    accountId: p.accountId,
    paidAt,
    amount: p.amount,
    method: methodFor(rng, channel),
    channel,
    receiptNumber,
    officeId: atOffice ? office.id : null,
    operatorId: atOffice ? office.cashierId : null,
    workstationId: atOffice ? office.workstationId : null,
    externalRef: externalRef(rng, channel, p.day),
    createdAt: paidAt,
  }
  p.payments.push(payment)
  for (const line of p.ledger.pay(p.amount)) {
    p.lines.push({ id: ctx.nextId(), paymentId: payment.id, ...line })
  }
}
