import type { ConsumptionBand } from './rule-settings'

export interface PlausibilityRules {
  warning: ConsumptionBand
  error: ConsumptionBand
  /** Differences up to this many units stay within the bands (small consumers' noise). */
  minDeviation: number
}

export type BandPosition =
  'within' | 'above_warning' | 'below_warning' | 'above_error' | 'below_error'

// consumption x 100 against expected x (100 +- percent), in BigInt: large registers times a
// transformation ratio times 400 may pass 2^53.
function above(consumption: number, expected: number, percent: number): boolean {
  return BigInt(consumption) * 100n > BigInt(expected) * BigInt(100 + percent)
}

function below(consumption: number, expected: number, percent: number): boolean {
  return BigInt(consumption) * 100n < BigInt(expected) * BigInt(100 - percent)
}

/** Where a consumption falls against the expected one (DOMAIN "Readings" 5). */
export function bandPosition(
  consumption: number,
  expected: number,
  rules: PlausibilityRules,
): BandPosition {
  if (Math.abs(consumption - expected) <= rules.minDeviation) return 'within'
  if (above(consumption, expected, rules.error.abovePercent)) return 'above_error'
  if (below(consumption, expected, rules.error.belowPercent)) return 'below_error'
  if (above(consumption, expected, rules.warning.abovePercent)) return 'above_warning'
  if (below(consumption, expected, rules.warning.belowPercent)) return 'below_warning'
  return 'within'
}

/** Not above the error band: the most a clerk's reading may plausibly show (rollover test). */
export function withinErrorCeiling(
  consumption: number,
  expected: number,
  rules: PlausibilityRules,
): boolean {
  return (
    consumption - expected <= rules.minDeviation ||
    !above(consumption, expected, rules.error.abovePercent)
  )
}
