import type { Zone } from '../readings/domain'
import type { BillingMeter, BillingReading } from './bill-service'
import { meterConsumption } from './consumption'

const newer = (a: BillingReading, b: BillingReading) =>
  a.readingDate > b.readingDate || (a.readingDate === b.readingDate && a.enteredAt > b.enteredAt)

/**
 * Consumption per zone read in a period, summed over the meters but never spanning two: each
 * meter from its last billed reading (or its first, the initial one) to its latest accepted
 * reading counted in the period or before (a late one too), times its ratio. The readings used
 * become billed.
 */
export function consumptionOf(
  meters: readonly BillingMeter[],
  period: string,
): { zones: Map<Zone, number>; billedReadingIds: string[] } {
  const zones = new Map<Zone, number>()
  const billed: string[] = []
  for (const m of meters) {
    const byZone = new Map<Zone, BillingReading[]>()
    for (const r of m.readings) {
      let list = byZone.get(r.zone)
      if (!list) byZone.set(r.zone, (list = []))
      list.push(r)
    }
    for (const [zone, readings] of byZone) {
      let base: BillingReading | null = null
      let first: BillingReading | null = null
      for (const r of readings) {
        if (r.status === 'billed' && (!base || newer(r, base))) base = r
        if (!first || newer(first, r)) first = r
      }
      base ??= first
      if (!base) continue
      let latest: BillingReading | null = null
      const taken: string[] = []
      for (const r of readings) {
        if (r.status !== 'accepted' || r.period > period || !newer(r, base)) continue
        taken.push(r.id)
        if (!latest || newer(r, latest)) latest = r
      }
      if (!latest) continue
      if (base.status === 'accepted') taken.push(base.id)
      billed.push(...taken)
      const units = meterConsumption(base.value, latest.value, m.intDigits, m.transformationRatio)
      zones.set(zone, (zones.get(zone) ?? 0) + units)
    }
  }
  return { zones, billedReadingIds: billed }
}
