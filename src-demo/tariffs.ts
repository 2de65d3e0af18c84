import type { Service, TariffGroup } from '../src-shared/accounts/domain'
import { tariffGroups } from '../src-shared/accounts/domain'
import type { Zone } from '../src-shared/readings/domain'

/**
 * Demo tariffs: rates rise every 1 July. Anchored at the rates from 1 July 2025 and indexed
 * year by year, each rate rounded to the kopeck as a regulator publishes it.
 */

/** Rates in force from 1 July 2025 for urban_gas, 1/1000 kopeck per unit. */
const anchorYear = 2025
const anchorRates: Record<Service, Partial<Record<Zone, number>>> = {
  electricity: { T1: 543_000, T2: 298_000, T3: 465_000 },
  common_needs: { T1: 543_000 },
  hot_water: { T1: 24_567_000 },
  heating: { T1: 271_234_000 },
}

/** Indexation on 1 July of the year, in tenths of a percent. */
const risePermille: Record<number, number> = { 2023: 90, 2024: 98, 2025: 119, 2026: 113 }
const defaultRisePermille = 90

/** Rural houses and homes with electric stoves pay 0.7 of the electricity rate (the law's discount). */
function groupFactorPermille(service: Service, group: TariffGroup): number {
  if (service !== 'electricity' && service !== 'common_needs') return 1000
  return group === 'urban_gas' ? 1000 : 700
}

/** x / divisor rounded half up to whole kopecks (1000 millikopecks). */
function toKopeck(numerator: number, divisor: number): number {
  const unit = divisor * 1000
  const half = numerator + unit / 2
  return ((half - (half % unit)) / unit) * 1000
}

function yearRate(anchor: number, year: number): number {
  let rate = anchor
  for (let y = anchorYear + 1; y <= year; y++) {
    rate = toKopeck(rate * (1000 + (risePermille[y] ?? defaultRisePermille)), 1000)
  }
  for (let y = anchorYear; y > year; y--) {
    rate = toKopeck(rate * 1000, 1000 + (risePermille[y] ?? defaultRisePermille))
  }
  return rate
}

export interface TariffSpec {
  service: Service
  tariffGroup: TariffGroup
  zone: Zone
  /** The year of the 1 July it starts. */
  year: number
  rateMillikopecks: number
}

/** Every rate from 1 July of `fromYear` to 1 July of `toYear`. */
export function tariffSpecs(fromYear: number, toYear: number): TariffSpec[] {
  const out: TariffSpec[] = []
  for (let year = fromYear; year <= toYear; year++) {
    for (const [service, zones] of Object.entries(anchorRates) as [
      Service,
      Partial<Record<Zone, number>>,
    ][]) {
      for (const group of tariffGroups) {
        for (const [zone, anchor] of Object.entries(zones) as [Zone, number][]) {
          const base = yearRate(anchor, year)
          out.push({
            service,
            tariffGroup: group,
            zone,
            year,
            rateMillikopecks: toKopeck(base * groupFactorPermille(service, group), 1000),
          })
        }
      }
    }
  }
  return out
}

/** The year whose 1 July tariff is in force in a YYYY-MM period. */
export function tariffYear(period: string): number {
  const year = Number(period.slice(0, 4))
  return Number(period.slice(5, 7)) >= 7 ? year : year - 1
}
