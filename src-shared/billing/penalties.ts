import { inForce, required, type Dated } from './dated'
import { addPeriods, dayNumber, isoDate } from './days'
import type { DueDays, PenaltyLaw, PenaltySchedule } from './law'

/** What one period of a supplier's service left owing: its charges and recalculations. */
export interface PeriodDebt {
  /** YYYY-MM, or the opening balance's own label: debts settle in `dueDate` order. */
  period: string
  dueDate: string
  /** Kopecks; negative (a recalculation that returned money) works as a credit. */
  amount: number
}

export interface PenaltyPayment {
  /** YYYY-MM-DD the money came in (a cancellation is a negative payment on its own date). */
  date: string
  amount: number
}

/** Due date of a period's bill: the due day (a dated setting, by the period's first day) of the next month. */
export function dueDateOf(period: string, dueDays: DueDays): string {
  const day = required(dueDays, `${period}-01`, 'billDueDay')
  return `${addPeriods(period, 1)}-${String(day).padStart(2, '0')}`
}

/** The rate used on a day, in basis points: the key rate, or the cap when it is lower. */
export function penaltyRateOn(law: PenaltyLaw, date: string): number {
  const key = required(law.keyRate, date, 'penaltyKeyRate')
  const cap = inForce(law.rateCap, date)
  return cap === undefined || cap === null ? key : Math.min(key, cap)
}

/** Day numbers [from, to) on which the moratorium holds, from its on/off rows. */
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

/** Days of [lo, hi] (inclusive day numbers) outside the moratorium. */
function accruingDays(lo: number, hi: number, spans: readonly [number, number][]): number {
  if (hi < lo) return 0
  let days = hi - lo + 1
  for (const [from, to] of spans) days -= Math.max(0, Math.min(hi, to - 1) - Math.max(lo, from) + 1)
  return days
}

/** Exact sums of numerators per denominator: plain numbers while they are safe, then BigInt. */
class Numerators {
  private readonly sums = new Map<number, { small: number; big: bigint }>()

  add(amount: number, rate: number, days: number, denominator: number): void {
    let sum = this.sums.get(denominator)
    if (!sum) this.sums.set(denominator, (sum = { small: 0, big: 0n }))
    const value = amount * rate * days
    if (Number.isSafeInteger(value) && Number.isSafeInteger(sum.small + value)) {
      sum.small += value
    } else {
      sum.big += BigInt(amount) * BigInt(rate) * BigInt(days) + BigInt(sum.small)
      sum.small = 0
    }
  }

  /** The total over a common denominator, rounded once, half up. */
  rounded(): number {
    if (this.sums.size === 0) return 0
    const common = [...this.sums.keys()].map(BigInt).reduce((a, b) => lcm(a, b), 1n)
    let numerator = 0n
    for (const [denominator, sum] of this.sums)
      numerator += (sum.big + BigInt(sum.small)) * (common / BigInt(denominator))
    return Number((numerator + common / 2n) / common)
  }
}

interface LawCache {
  spans: [number, number][]
  scaleOn: (date: string) => { rate: number; schedule: PenaltySchedule }
}

// A period close (and the demo) asks the same law about the same few hundred days for every
// account: the moratorium's spans and each day's rate and scale are worked out once per law.
const lawCaches = new WeakMap<PenaltyLaw, LawCache>()

function lawCache(law: PenaltyLaw): LawCache {
  let cache = lawCaches.get(law)
  if (!cache) {
    const scales = new Map<string, { rate: number; schedule: PenaltySchedule }>()
    cache = {
      spans: moratoriumSpans(law.moratorium),
      scaleOn: (date) => {
        let s = scales.get(date)
        if (!s) {
          s = {
            rate: penaltyRateOn(law, date),
            schedule: required(law.schedule, date, 'penaltySchedule'),
          }
          scales.set(date, s)
        }
        return s
      },
    }
    lawCaches.set(law, cache)
  }
  return cache
}

/**
 * One line of the penalty walk: a period's debt, or the part of it one payment settled, over a
 * run of days at one share (1/300 or 1/130) and one rate. Its exact amount, in kopecks, is
 * debt x rate x days / (10000 x divisor).
 */
export interface PenaltyLine {
  period: string
  /** Kopecks. */
  debt: number
  /** Day numbers (see `dayNumber`), inclusive. */
  from: number
  to: number
  /** Days of [from, to] that accrue (moratorium days left out); never 0. */
  days: number
  /** Basis points: 950 = 9,5 %. */
  rate: number
  /** The share's divisor: 300 for 1/300, 130 for 1/130. */
  divisor: number
}

/**
 * The walk of Housing Code 155.14: payments settle the oldest debt first, so each period's debt
 * runs on its own until paid; the part paid on a day runs to that day at the rate in force on it,
 * what is still open runs to `calcDate` at that day's rate; the scale in force on the same day
 * applies. Each line goes to `visit` (a period close walks every account: no array is built).
 */
function walkPenalty(
  debts: readonly PeriodDebt[],
  payments: readonly PenaltyPayment[],
  calcDate: string,
  law: PenaltyLaw,
  visit: (line: PenaltyLine) => void,
): void {
  const { spans, scaleOn } = lawCache(law)
  const open: { period: string; dueDate: string; due: number; amount: number }[] = []
  for (const d of debts) if (d.amount !== 0) open.push({ ...d, due: dayNumber(d.dueDate) })
  open.sort((a, b) => a.due - b.due || (a.period < b.period ? -1 : 1))
  // Money back from a period (a negative recalculation) settles as a payment on its due date.
  const settling: PenaltyPayment[] = []
  for (const p of payments) if (p.date <= calcDate) settling.push(p)
  const owing: { period: string; due: number; left: number }[] = []
  for (const d of open) {
    if (d.amount < 0) settling.push({ date: d.dueDate, amount: -d.amount })
    else owing.push({ period: d.period, due: d.due, left: d.amount })
  }
  settling.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))

  const add = (debt: number, period: string, due: number, through: string) => {
    const day = dayNumber(through)
    const { rate, schedule: s } = scaleOn(through)
    if (day <= due + s.graceDays) return
    // The reduced share first, then the full one.
    const reducedTo = Math.min(day, due + s.fullFromDay - 1)
    const reduced = accruingDays(due + s.graceDays + 1, reducedTo, spans)
    if (reduced > 0)
      visit({
        period,
        debt,
        from: due + s.graceDays + 1,
        to: reducedTo,
        days: reduced,
        rate,
        divisor: s.reducedDivisor,
      })
    const full = accruingDays(due + s.fullFromDay, day, spans)
    if (full > 0)
      visit({
        period,
        debt,
        from: due + s.fullFromDay,
        to: day,
        days: full,
        rate,
        divisor: s.fullDivisor,
      })
  }

  let first = 0
  let credit = 0
  for (const payment of settling) {
    credit += payment.amount
    // A cancellation (negative) takes back what the payment had settled: the debt reopens.
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
}

/** The lines of the penalty accrued through `calcDate` (the penalty sheet writes them out). */
export function penaltyLines(
  debts: readonly PeriodDebt[],
  payments: readonly PenaltyPayment[],
  calcDate: string,
  law: PenaltyLaw,
): PenaltyLine[] {
  const lines: PenaltyLine[] = []
  walkPenalty(debts, payments, calcDate, law, (line) => lines.push(line))
  return lines
}

/**
 * Penalties (Housing Code 155.14) accrued through `calcDate` on a supplier's service, in kopecks:
 * the sum of `penaltyLines`, rounded once, half up.
 */
export function penaltyAccrued(
  debts: readonly PeriodDebt[],
  payments: readonly PenaltyPayment[],
  calcDate: string,
  law: PenaltyLaw,
): number {
  const numerators = new Numerators()
  walkPenalty(debts, payments, calcDate, law, (l) =>
    numerators.add(l.debt, l.rate, l.days, 10_000 * l.divisor),
  )
  // One rounding for the whole line, over a common denominator of the shares used.
  return numerators.rounded()
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b
}

/** The calculation date of a period's bill: its last day. */
export function calcDateOf(period: string): string {
  return isoDate(dayNumber(`${addPeriods(period, 1)}-01`) - 1)
}
