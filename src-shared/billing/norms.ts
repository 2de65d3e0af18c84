import type { Service } from '../accounts/domain'
import { monthOf } from './days'
import type { Norms } from './law'

export interface NormVolume {
  volume: number
  decimals: number
}

/**
 * A month's volume by the norm (no meter): per person for electricity and hot water, per m2 of
 * the total area for heating (in its months) and the common areas' electricity. Null when the
 * service has no norm that month or the account lacks what it is counted by.
 */
export function normVolume(
  service: Service,
  norms: Norms,
  period: string,
  residents: number,
  areaTenths: number | null,
): NormVolume | null {
  switch (service) {
    case 'electricity': {
      const table = norms.electricityPerPerson
      if (residents <= 0) return null
      const perPerson = table[Math.min(residents, table.length) - 1]!
      return { volume: perPerson * residents, decimals: 0 }
    }
    case 'hot_water':
      if (residents <= 0) return null
      return {
        volume: norms.hotWaterPerPerson.value * residents,
        decimals: norms.hotWaterPerPerson.decimals,
      }
    case 'heating':
      if (areaTenths === null || !norms.heatingMonths.includes(monthOf(period))) return null
      return {
        volume: areaTenths * norms.heatingPerM2.value,
        decimals: norms.heatingPerM2.decimals + 1,
      }
    case 'common_needs':
      if (areaTenths === null) return null
      return {
        volume: areaTenths * norms.commonNeedsPerM2.value,
        decimals: norms.commonNeedsPerM2.decimals + 1,
      }
  }
}
