import type { Dated } from './dated'

/**
 * The penalty scale of Housing Code 155.14: no penalty for `graceDays` after the due date,
 * 1/`reducedDivisor` of the rate a day until day `fullFromDay`, 1/`fullDivisor` from then on.
 */
export interface PenaltySchedule {
  graceDays: number
  reducedDivisor: number
  fullFromDay: number
  fullDivisor: number
}

/**
 * The dated law a penalty is computed with, all of it settings rows (never constants): the key
 * rate and the cap in basis points (1/100 of a percent; 950 = 9.5%), the moratorium on or off,
 * the scale.
 */
export interface PenaltyLaw {
  keyRate: Dated<number | null>[]
  /** The lesser of it and the key rate is used; null = no cap. */
  rateCap: Dated<number | null>[]
  /** True: no penalty accrues on those days. */
  moratorium: Dated<boolean>[]
  schedule: Dated<PenaltySchedule | null>[]
}

/** The due day of the month after the period, by the period's first day (10th, 15th from 2026-03). */
export type DueDays = Dated<number | null>[]

/** PP 354 p.59-60: the average of at most `windowMonths` months, needing `minMonths`, for `maxPeriods`. */
export interface EstimateRule {
  windowMonths: number
  minMonths: number
  maxPeriods: number
}

/** A norm volume: `value` in 1/10^decimals of the service's unit. */
export interface ScaledNorm {
  value: number
  decimals: number
}

/**
 * Consumption norms of the region, per month: electricity per person by the number of residents
 * (the last entry for that many and more), hot water per person, heating per m2 in the heating
 * months, electricity of the common areas per m2.
 */
export interface Norms {
  electricityPerPerson: number[]
  hotWaterPerPerson: ScaledNorm
  heatingPerM2: ScaledNorm
  heatingMonths: number[]
  commonNeedsPerM2: ScaledNorm
}
