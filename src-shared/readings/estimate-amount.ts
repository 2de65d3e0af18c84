import { chargeAmount } from '../charges/charge-amount'
import { zones, type Zone } from './domain'

/**
 * The calculator's "about N roubles": the charge for a consumption at the current rates, in
 * kopecks. Each zone is charged as the bill will charge it (volume x rate, rounded once, half up,
 * to the kopeck, by `chargeAmount`), and the zone charges are added, so the estimate equals
 * the bill's total for that consumption.
 *
 * Rates are integers in 1/1000 kopeck per unit (5.43000 rub/kWh = 543000). A zone with a
 * consumption but no rate throws: a missing tariff must not read as "free".
 */
export function estimateAmount(
  consumptionByZone: Partial<Record<Zone, number>>,
  ratesMillikopecksByZone: Partial<Record<Zone, number>>,
): number {
  let kopecks = 0
  for (const zone of zones) {
    const consumption = consumptionByZone[zone]
    if (consumption === undefined) continue
    if (!Number.isSafeInteger(consumption) || consumption < 0)
      throw new RangeError(`consumption of ${zone} is not a non-negative integer: ${consumption}`)
    const rate = ratesMillikopecksByZone[zone]
    if (rate === undefined) throw new RangeError(`no rate for zone ${zone}`)
    kopecks += chargeAmount(consumption, rate)
  }
  return kopecks
}

/**
 * "About N roubles" for a checked submission: null while a zone's consumption is unknown or a
 * zone has no rate, so the confirm panel says nothing rather than something wrong.
 */
export function estimateSubmissionAmount(
  zones: readonly { zone: Zone; consumption: number | null }[],
  ratesMillikopecksByZone: Partial<Record<Zone, number>>,
): number | null {
  const consumption: Partial<Record<Zone, number>> = {}
  for (const z of zones) {
    if (z.consumption === null || z.consumption < 0) return null
    if (ratesMillikopecksByZone[z.zone] === undefined) return null
    consumption[z.zone] = z.consumption
  }
  return estimateAmount(consumption, ratesMillikopecksByZone)
}
