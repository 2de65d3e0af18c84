import { isoDate } from '../billing/days'
import type { PenaltyLaw } from '../billing/law'
import {
  penaltyAccrued,
  penaltyLines,
  type PenaltyLine,
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

export function rateText(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2).replace('.', ',')} %`
}

/**
 * The penalty calculation sheet (расчет пеней): billing's own penalty lines (`penaltyLines`,
 * the walk `penaltyAccrued` sums) written out, their amounts rounded so that they add up to
 * exactly what billing accrued.
 */
export function buildPenaltySheet(
  debts: readonly PeriodDebt[],
  payments: readonly PenaltyPayment[],
  calcDate: string,
  law: PenaltyLaw,
): PenaltySheet {
  const raw = penaltyLines(debts, payments, calcDate, law)
  const total = penaltyAccrued(debts, payments, calcDate, law)
  const amounts = apportion(raw, total)
  const lines = raw.map((r, i): PenaltySheetLine => {
    const from = isoDate(r.from)
    const to = isoDate(r.to)
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
function apportion(lines: readonly PenaltyLine[], total: number): number[] {
  // Each line's exact amount is debt x rate x days / (10000 x divisor).
  const denominators = lines.map((l) => 10_000n * BigInt(l.divisor))
  const common = denominators.reduce((acc, d) => (acc % d === 0n ? acc : acc * d), 1n)
  const scaled = lines.map(
    (l, i) => BigInt(l.debt) * BigInt(l.rate) * BigInt(l.days) * (common / denominators[i]!),
  )
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
