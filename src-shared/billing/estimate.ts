import { addPeriods } from './days'
import type { EstimateRule } from './law'
import { roundHalfUp } from './tariff-split'

/**
 * The average monthly consumption of the periods before `period` within the rule's window
 * (PP 354 p.59), from the metered consumption of each; null when fewer than `minMonths` periods
 * have one. Rounded half up in the volume's own units.
 */
export function averageVolume(
  metered: ReadonlyMap<string, number>,
  period: string,
  rule: EstimateRule,
): number | null {
  let sum = 0
  let count = 0
  for (let i = 1; i <= rule.windowMonths; i++) {
    const v = metered.get(addPeriods(period, -i))
    if (v !== undefined) {
      sum += v
      count++
    }
  }
  return count >= rule.minMonths ? roundHalfUp(sum, count) : null
}

/** Periods just before `period`, newest first, billed by the average (stops at the first that was not). */
export function estimatedRun(averaged: ReadonlySet<string>, period: string): string[] {
  const out: string[] = []
  for (let p = addPeriods(period, -1); averaged.has(p); p = addPeriods(p, -1)) out.push(p)
  return out
}
