import { required, type Dated } from '../billing/dated'
import { dayNumber, isoDate } from '../billing/days'
import type { PenaltyLaw, PenaltySchedule } from '../billing/law'
import {
  penaltyAccrued,
  penaltyRateOn,
  type PenaltyPayment,
  type PeriodDebt,
} from '../billing/penalties'
import { formatRub } from '../money/format'
import { periodName, ruDate } from './reconciliation'

/** One line of the sheet: a debt (or the part of it one payment settled) over a run of days at one share. */
export interface PenaltySheetLine {
  period: string
  periodText: string
  /** The debt the line runs on, kopecks. */
  debt: number
  debtText: string
  from: string
  to: string
  fromText: string
  toText: string
  /** Days that accrue (moratorium days left out). */
  days: number
  /** Basis points: 950 = 9,5 %. */
  rate: number
  rateText: string
  /** «1/300» or «1/130». */
  share: string
  amount: number
  amountText: string
}

export interface PenaltySheet {
  calcDate: string
  lines: PenaltySheetLine[]
  total: number
  totalText: string
}

function moratoriumSpans(rows: readonly Dated<boolean>[]): [number, number][] {
  const sorted = [...rows].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  const spans: [number, number][] = []
  let start: number | null = null
  for (const row of sorted) {
    if (row.value && start === null) start = dayNumber(row.from)
    else if (!row.value && start !== null) {
      spans.push([start, dayNumber(row.from)])
      start = null
    }
  }
  if (start !== null) spans.push([start, Number.MAX_SAFE_INTEGER])
  return spans
}

function accruingDays(lo: number, hi: number, spans: readonly [number, number][]): number {
  if (hi < lo) return 0
  let days = hi - lo + 1
  for (const [from, to] of spans) days -= Math.max(0, Math.min(hi, to - 1) - Math.max(lo, from) + 1)
  return days
}

interface RawLine {
  period: string
  debt: number
  lo: number
  hi: number
  days: number
  rate: number
  divisor: number
  /** Exact amount in kopecks as numerator / denominator. */
  numerator: bigint
  denominator: bigint
}

export function rateText(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2).replace('.', ',')} %`
}

/**
 * The penalty calculation sheet (расчет пеней): the same walk as billing's `penaltyAccrued` —
 * payments settle the oldest debt first, each settled part runs to its payment day at the rate of
 * that day, what is open runs to the calculation date — written out line by line. The lines'
 * amounts are rounded so that they add up to exactly what billing accrued.
 */
export function buildPenaltySheet(
  debts: readonly PeriodDebt[],
  payments: readonly PenaltyPayment[],
  calcDate: string,
  law: PenaltyLaw,
): PenaltySheet {
  const spans = moratoriumSpans(law.moratorium)
  const open = debts
    .filter((d) => d.amount !== 0)
    .map((d) => ({ ...d, due: dayNumber(d.dueDate) }))
    .sort((a, b) => a.due - b.due || (a.period < b.period ? -1 : 1))
  const settling = [
    ...payments.filter((p) => p.date <= calcDate),
    ...open.filter((d) => d.amount < 0).map((d) => ({ date: d.dueDate, amount: -d.amount })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const owing = open
    .filter((d) => d.amount > 0)
    .map((d) => ({ period: d.period, due: d.due, left: d.amount }))

  const raw: RawLine[] = []
  const add = (amount: number, period: string, due: number, through: string) => {
    const day = dayNumber(through)
    const rate = penaltyRateOn(law, through)
    const s: PenaltySchedule = required(law.schedule, through, 'penaltySchedule')
    if (day <= due + s.graceDays) return
    const denominator = 10_000n * BigInt(s.reducedDivisor) * BigInt(s.fullDivisor)
    const runs: [number, number, number, number][] = [
      // [lo, hi, divisor, other divisor]: the reduced share first, then the full one.
      [
        due + s.graceDays + 1,
        Math.min(day, due + s.fullFromDay - 1),
        s.reducedDivisor,
        s.fullDivisor,
      ],
      [due + s.fullFromDay, day, s.fullDivisor, s.reducedDivisor],
    ]
    for (const [lo, hi, divisor, other] of runs) {
      const days = accruingDays(lo, hi, spans)
      if (days === 0) continue
      raw.push({
        period,
        debt: amount,
        lo,
        hi,
        days,
        rate,
        divisor,
        numerator: BigInt(amount) * BigInt(rate) * BigInt(days) * BigInt(other),
        denominator,
      })
    }
  }

  let first = 0
  let credit = 0
  for (const payment of settling) {
    credit += payment.amount
    if (credit < 0) continue
    while (credit > 0 && first < owing.length) {
      const debt = owing[first]!
      const settled = Math.min(credit, debt.left)
      add(settled, debt.period, debt.due, payment.date)
      debt.left -= settled
      credit -= settled
      if (debt.left === 0) first++
    }
  }
  for (let i = first; i < owing.length; i++)
    add(owing[i]!.left, owing[i]!.period, owing[i]!.due, calcDate)

  const total = penaltyAccrued(debts, payments, calcDate, law)
  const amounts = apportion(raw, total)
  const lines = raw.map((r, i): PenaltySheetLine => {
    const from = isoDate(r.lo)
    const to = isoDate(r.hi)
    return {
      period: r.period,
      periodText: /^\d{4}-\d{2}$/.test(r.period) ? periodName(r.period) : r.period,
      debt: r.debt,
      debtText: formatRub(r.debt),
      from,
      to,
      fromText: ruDate(from),
      toText: ruDate(to),
      days: r.days,
      rate: r.rate,
      rateText: rateText(r.rate),
      share: `1/${r.divisor}`,
      amount: amounts[i]!,
      amountText: formatRub(amounts[i]!),
    }
  })
  return { calcDate, lines, total, totalText: formatRub(total) }
}

/**
 * Whole kopecks per line adding up to `total` (billing rounds once, for the whole): each line its
 * floor, the kopecks left to the largest remainders.
 */
function apportion(lines: readonly RawLine[], total: number): number[] {
  const common = lines.reduce(
    (acc, l) => (acc % l.denominator === 0n ? acc : acc * l.denominator),
    1n,
  )
  const scaled = lines.map((l) => l.numerator * (common / l.denominator))
  const floors = scaled.map((v) => Number(v / common))
  let left = total - floors.reduce((s, v) => s + v, 0)
  const order = scaled
    .map((v, i) => ({ i, rest: v % common }))
    .sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i))
  for (const { i } of order) {
    if (left <= 0) break
    floors[i] = floors[i]! + 1
    left--
  }
  return floors
}
