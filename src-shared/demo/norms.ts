/** Demo consumption norms (what a customer without a meter is billed), in scaled integers. */

/** kWh per person per month by the number of residents (more people share the fridge). */
export function electricityNormPerPerson(residents: number): number {
  if (residents <= 1) return 141
  if (residents === 2) return 87
  if (residents === 3) return 68
  if (residents === 4) return 55
  return 48
}

/** Hot water, 1/100 m3 per person per month (2.95 m3). */
export const hotWaterNormCentiM3 = 295

/** Heating, 1/10000 Gcal per m2 per month of the heating season (0.0213). */
export const heatingNormPerM2 = 213

/** Electricity for the block's common areas, 1/100 kWh per m2 of the flat per month (0.35). */
export const commonNeedsNormPerM2 = 35

/** October to April: the months heating is billed in. */
export function heatingSeason(month: number): boolean {
  return month >= 10 || month <= 4
}

/** The same norms as the `billingNorms` setting row the demo writes (billing reads the row). */
export function demoNormsSetting() {
  return {
    electricityPerPerson: [1, 2, 3, 4, 5].map(electricityNormPerPerson),
    hotWaterPerPerson: { value: hotWaterNormCentiM3, decimals: 2 },
    heatingPerM2: { value: heatingNormPerM2, decimals: 4 },
    heatingMonths: [1, 2, 3, 4, 10, 11, 12],
    commonNeedsPerM2: { value: commonNeedsNormPerM2, decimals: 2 },
  }
}
