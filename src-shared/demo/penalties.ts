import { billingLawOf } from '../billing/law-rows'
import { penaltyRateOn } from '../billing/penalties'
import { lawSettingRows } from '../billing/law-history'

/**
 * Penalties (пени) on overdue household debt: nothing for the first 30 days after the due date,
 * 1/300 of the key rate a day from day 31 to 90, 1/130 from day 91; the rate is the one in force
 * on the calculation date.
 */

// The same dated law the period close reads (the demo's settings rows): the key rate in force,
// capped at 9.5% through 2026.
const law = billingLawOf(lawSettingRows()).penalty

/** The penalty rate in basis points on a date. */
export function keyRateOn(isoDate: string): number {
  return penaltyRateOn(law, isoDate)
}

/** Days of [from, to] (day numbers, inclusive) that fall in [lo, hi]. */
function overlap(from: number, to: number, lo: number, hi: number): number {
  return Math.max(0, Math.min(to, hi) - Math.max(from, lo) + 1)
}

export interface OverdueDebt {
  /** Kopecks still unpaid. */
  amount: number
  /** Day number of the due date. */
  dueDay: number
}

/** Kopecks of penalty for the days [from, to] on these debts, at one key rate; rounded once, half up. */
export function penaltyFor(
  debts: readonly OverdueDebt[],
  from: number,
  to: number,
  keyRateBp: number,
): number {
  // amount x rate x (days31to90 / 300 + days91on / 130), over a common denominator.
  let numerator = 0n
  for (const d of debts) {
    if (d.amount <= 0) continue
    const mid = overlap(from, to, d.dueDay + 31, d.dueDay + 90)
    const late = overlap(from, to, d.dueDay + 91, Number.MAX_SAFE_INTEGER)
    if (mid + late === 0) continue
    numerator += BigInt(d.amount) * BigInt(keyRateBp) * BigInt(130 * mid + 300 * late)
  }
  const denominator = 10_000n * 39_000n
  return Number((numerator + denominator / 2n) / denominator)
}
