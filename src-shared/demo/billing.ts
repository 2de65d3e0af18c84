import type { Service, TariffGroup } from '../accounts/domain'
import { chargeAmount } from '../charges/charge-amount'
import { inForce } from '../billing/dated'
import { normVolume } from '../billing/norms'
import type { GenContext } from './context'
import { demoLaw } from './law'
import type { ChargeRow, Zone } from './types'

/** "1.15659" from 115659 with 5 decimals. */
export function decimalText(scaled: number, decimals: number): string {
  if (decimals === 0) return String(scaled)
  const s = String(scaled).padStart(decimals + 1, '0')
  return `${s.slice(0, -decimals)}.${s.slice(-decimals)}`
}

export interface BillingAccount {
  ctx: GenContext
  accountId: string
  tariffGroup: TariffGroup
  services: readonly Service[]
  /** Total area in 1/10 m2. */
  areaTenths: number | null
  residents: number
}

/** What the meters said for the month; null when the service has no meter (billed by the norm). */
export interface MonthUse {
  electricity: Map<Zone, number> | null
  hotWater: number | null
}

/** The month's charges of an account, one row per service (per zone for electricity). */
export function periodCharges(
  a: BillingAccount,
  period: string,
  use: MonthUse,
  createdAt: string,
): ChargeRow[] {
  const { rates, supplierOf } = a.ctx.refs
  const out: ChargeRow[] = []
  const add = (
    service: Service,
    zone: Zone,
    volume: number,
    decimals: number,
    basis: 'meter' | 'norm',
  ) => {
    const rate = rates.rate(service, a.tariffGroup, zone, period)
    out.push({
      id: a.ctx.nextId(),
      accountId: a.accountId,
      supplierId: supplierOf[service],
      service,
      period,
      kind: 'charge',
      volume: decimalText(volume, decimals),
      basis,
      rateMillikopecks: rate,
      amount: chargeAmount(volume, rate, decimals),
      createdAt,
      zone,
      recalculatedPeriod: null,
    })
  }

  // No meter: billing's norm rule on the dated norms in force (the same the period close reads).
  const norms = inForce(demoLaw.norms, `${period}-01`)
  const byNorm = (service: Service) => {
    const n = norms ? normVolume(service, norms, period, a.residents, a.areaTenths) : null
    if (n) add(service, 'T1', n.volume, n.decimals, 'norm')
  }
  for (const service of a.services) {
    if (service === 'electricity') {
      if (use.electricity) {
        for (const [zone, kwh] of use.electricity) add(service, zone, kwh, 0, 'meter')
      } else byNorm(service)
    } else if (service === 'hot_water') {
      if (use.hotWater !== null) add(service, 'T1', use.hotWater, 0, 'meter')
      else byNorm(service)
    } else byNorm(service)
  }
  return out
}
