/** The demo's consumption norms: billing's starting norms (one source), in scaled integers. */
import { startingNorms } from '../billing/law-history'

/** kWh per person per month by the number of residents (more people share the fridge). */
export function electricityNormPerPerson(residents: number): number {
  const perPerson = startingNorms.electricityPerPerson
  return perPerson[Math.min(Math.max(residents, 1), perPerson.length) - 1]!
}

/** Hot water, 1/100 m3 per person per month (2.95 m3). */
export const hotWaterNormCentiM3 = startingNorms.hotWaterPerPerson.value

/** Heating, 1/10000 Gcal per m2 per month of the heating season (0.0213). */
export const heatingNormPerM2 = startingNorms.heatingPerM2.value

/** Electricity for the block's common areas, 1/100 kWh per m2 of the flat per month (0.35). */
export const commonNeedsNormPerM2 = startingNorms.commonNeedsPerM2.value

/** The months heating is billed in (October to April). */
export function heatingSeason(month: number): boolean {
  return startingNorms.heatingMonths.includes(month)
}
