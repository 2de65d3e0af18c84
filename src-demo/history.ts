import type { Service } from '../src-shared/accounts/domain'
import { AccountLedger } from './account-ledger'
import { DemoBilling, type BillingAccount } from './billing'
import { addPeriods, isoDate, officeInstant, periodStart } from './calendar'
import type { MeterPlan } from './meters'
import { dueDayOf, PenaltyBook } from './penalty-book'
import { recordPayment, type Channel } from './payments'
import {
  monthlyUse,
  readingDay,
  readMeter,
  type ReadingRound,
  type ReadingSource,
} from './readings'
import type { Rng } from './rng'
import type { ChargeRow, OpeningBalanceRow, PaymentLineRow, PaymentRow, ReadingRow } from './types'

/** How an account pays: most pay each bill, some pay late, some stop paying. */
export type PayerKind = 'good' | 'late' | 'debtor'

export interface HistoryInput extends BillingAccount {
  rng: Rng
  office: number
  supplierServices: readonly { service: Service; supplierId: string }[]
  electricMeters: readonly MeterPlan[]
  waterMeters: readonly MeterPlan[]
  payer: PayerKind
  /** Day number the account was closed, or null. */
  closedDay: number | null
  readingHabit: ReadingSource
  paymentHabit: Channel
}

export interface History {
  readings: ReadingRow[]
  openingBalances: OpeningBalanceRow[]
  charges: ChargeRow[]
  payments: PaymentRow[]
  paymentLines: PaymentLineRow[]
}

export const readingSources: readonly (readonly [ReadingSource, number])[] = [
  ['portal', 35],
  ['phone', 25],
  ['bill', 22],
  ['office', 13],
  ['control', 5],
]

export const paymentChannels: readonly (readonly [Channel, number])[] = [
  ['bank', 40],
  ['portal', 30],
  ['office', 20],
  ['post', 10],
]

/** The billing run at 04:00 on the first of the next month. */
function billedAt(period: string): string {
  return officeInstant(periodStart(addPeriods(period, 1)), 4 * 60)
}

/** Readings and the charges they make, month by month; returns the charges per period. */
function simulateMeters(h: HistoryInput, readings: ReadingRow[]): Map<string, ChargeRow[]> {
  const { ctx, rng } = h
  const t = ctx.timeline
  const closedPeriod = h.closedDay === null ? null : isoDate(h.closedDay).slice(0, 7)
  const source = () => (rng.chance(0.8) ? h.readingHabit : rng.weighted(readingSources))
  const meters = [...h.electricMeters, ...h.waterMeters]
  const round = (day: number, status: ReadingRow['status'], src = source()): ReadingRound => ({
    ctx,
    rng,
    accountId: h.accountId,
    office: h.office,
    day,
    source: src,
    status,
    out: readings,
  })

  const billing = new DemoBilling(h)
  const removedOn = h.closedDay === null ? null : isoDate(h.closedDay)
  for (const m of meters) billing.meter(m.row, removedOn)

  // Where the registers stood before the first billed month.
  const first = round(readingDay(rng, addPeriods(t.firstPeriod, -1)), 'billed')
  for (const m of meters) readMeter(first, m, null)
  billing.readings(readings)

  const charges = new Map<string, ChargeRow[]>()
  for (const period of t.periods) {
    if (closedPeriod !== null && period > closedPeriod) break
    const closing = period === closedPeriod
    // Taken as accepted; the period's close bills those it uses.
    const r = round(
      closing ? (h.closedDay as number) : readingDay(rng, period),
      'accepted',
      closing ? 'control' : source(),
    )
    const from = readings.length
    for (const m of meters) readMeter(r, m, monthlyUse(m, m.monthly, period))
    billing.readings(readings.slice(from))
    charges.set(period, billing.close(period, billedAt(period)))
  }

  // This month's readings, from those who have already sent them: not billed yet.
  if (closedPeriod === null) {
    const day = readingDay(rng, t.currentPeriod)
    if (day < t.todayDay) {
      const r = round(day, 'accepted')
      for (const m of meters) readMeter(r, m, monthlyUse(m, m.monthly, t.currentPeriod))
    }
  }
  return charges
}

/** Percent of an amount, rounded half up, in integers. */
function percentOf(amount: number, percent: number): number {
  const x = amount * percent + 50
  return (x - (x % 100)) / 100
}

function roundUpTo(amount: number, step: number): number {
  return amount + ((step - (amount % step)) % step)
}

function openingBalances(
  h: HistoryInput,
  ledger: AccountLedger,
  firstCharges: readonly ChargeRow[],
): OpeningBalanceRow[] {
  const { ctx, rng } = h
  const t = ctx.timeline
  const date = isoDate(t.startDay)
  const advance = h.payer === 'good' && rng.chance(0.08)
  const debtMonths = h.payer === 'debtor' ? rng.int(2, 9) : 1
  return h.supplierServices.map((s, i) => {
    // Last month's bill is still open when the ledger starts: about this month's charge.
    const estimate = percentOf(
      firstCharges.filter((c) => c.service === s.service).reduce((sum, c) => sum + c.amount, 0),
      rng.int(85, 115),
    )
    let amount = estimate * debtMonths
    if (advance && i === 0) {
      amount = -rng.int(1, 15) * 10_000
      ledger.charge(s.service, amount, dueDayOf(addPeriods(t.firstPeriod, -1)))
    } else {
      for (let m = 1; m <= debtMonths; m++) {
        ledger.charge(s.service, estimate, dueDayOf(addPeriods(t.firstPeriod, -m)))
      }
    }
    return {
      id: ctx.nextId(),
      accountId: h.accountId,
      supplierId: s.supplierId,
      service: s.service,
      date,
      amount,
    }
  })
}

/** How much the customer pays this month and on which day, or null when they do not. */
function decidePayment(
  h: HistoryInput,
  due: number,
  monthStart: number,
  final: boolean,
): { day: number; amount: number } | null {
  const { rng } = h
  if (due <= 0) return null
  if (final) return { day: monthStart + rng.int(1, 20), amount: due }
  if (h.payer === 'good') {
    return {
      day: monthStart + rng.int(1, 13),
      amount: rng.chance(0.2) ? roundUpTo(due, 10_000) : due,
    }
  }
  if (h.payer === 'late') {
    return rng.chance(0.6) ? { day: monthStart + rng.int(8, 27), amount: due } : null
  }
  if (!rng.chance(0.2)) return null
  const part = Math.max(50_000, roundUpTo(percentOf(due, rng.int(15, 50)), 10_000))
  return { day: monthStart + rng.int(1, 27), amount: Math.min(due, part) }
}

/** Two years (or `months`) of one account: readings, charges, penalties, payments. */
export function simulateHistory(h: HistoryInput): History {
  const { ctx, rng } = h
  const t = ctx.timeline
  const readings: ReadingRow[] = []
  const chargesByPeriod = simulateMeters(h, readings)
  const ledger = new AccountLedger(h.supplierServices)
  const openings = openingBalances(h, ledger, chargesByPeriod.get(t.firstPeriod) ?? [])
  const book = new PenaltyBook()
  for (const o of openings) book.opening(o.service, o.date, o.amount)
  const charges: ChargeRow[] = []
  const payments: PaymentRow[] = []
  const paymentLines: PaymentLineRow[] = []
  const closedPeriod = h.closedDay === null ? null : isoDate(h.closedDay).slice(0, 7)
  const months = [...t.periods, t.currentPeriod]

  months.forEach((month, i) => {
    const monthStart = periodStart(month)
    const prev = i > 0 ? (months[i - 1] as string) : null
    const billed = prev !== null ? chargesByPeriod.get(prev) : undefined
    if (prev !== null && billed) {
      // Penalties through last month by billing's rule, then last month's bill.
      for (const s of h.supplierServices) {
        const amount = book.close(s.service, prev)
        if (amount === 0) continue
        if (amount > 0) ledger.addPenalty(s.service, amount)
        billed.push({
          id: ctx.nextId(),
          accountId: h.accountId,
          supplierId: s.supplierId,
          service: s.service,
          period: prev,
          kind: 'penalty',
          volume: null,
          basis: null,
          rateMillikopecks: null,
          amount,
          createdAt: billedAt(prev),
          zone: null,
          recalculatedPeriod: null,
        })
      }
      for (const c of billed) {
        if (c.kind === 'penalty') continue
        ledger.charge(c.service, c.amount, dueDayOf(prev))
        book.charge(c.service, prev, c.amount)
      }
      charges.push(...billed)
    }
    if (closedPeriod !== null && month > addPeriods(closedPeriod, 1)) return
    const final = closedPeriod !== null && month === addPeriods(closedPeriod, 1)
    const decision = decidePayment(h, ledger.totalDue(), monthStart, final)
    if (!decision || decision.day >= t.todayDay) return
    const from = paymentLines.length
    recordPayment({
      ctx,
      rng,
      accountId: h.accountId,
      office: h.office,
      channel: rng.chance(0.85) ? h.paymentHabit : rng.weighted(paymentChannels),
      day: decision.day,
      amount: decision.amount,
      ledger,
      payments,
      lines: paymentLines,
    })
    // The office day of the payment (paid_at is in office time), as billing reads it.
    const paidOn = isoDate(decision.day)
    for (const line of paymentLines.slice(from)) book.payment(line.service, paidOn, line.amount)
  })
  return { readings, openingBalances: openings, charges, payments, paymentLines }
}
