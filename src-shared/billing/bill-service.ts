import type { Service } from '../accounts/domain'
import type { Zone } from '../readings/domain'
import { consumptionOf } from './meter-consumption'
import { dayNumber, periodFirstDay, periodLastDay, periodsBetween } from './days'
import { averageVolume, estimatedRun } from './estimate'
import type { EstimateRule, Norms } from './law'
import { normVolume } from './norms'
import { evenShares } from './consumption'
import {
  priceVolume,
  roundHalfUp,
  splitDecimals,
  volumeText,
  type TariffRate,
} from './tariff-split'

export type ChargeBasis = 'meter' | 'average' | 'norm'

export interface BillingReading {
  id: string
  zone: Zone
  value: number
  readingDate: string
  enteredAt: string
  period: string
  status: 'accepted' | 'billed'
}

export interface BillingMeter {
  id: string
  intDigits: number
  transformationRatio: number
  installedAt: string
  removedAt: string | null
  nextVerificationAt: string | null
  /** Readings that stand: accepted or billed, not deleted. */
  readings: BillingReading[]
}

/** A line billed before, as the ledger holds it. */
export interface PastLine {
  period: string
  zone: Zone | null
  kind: 'charge' | 'recalculation'
  basis: ChargeBasis | null
  /** Scaled volume and its decimals (the ledger's text parsed). */
  volume: number
  decimals: number
  recalculatedPeriod: string | null
}

export interface ServiceToBill {
  service: Service
  supplierId: string
  meters: BillingMeter[]
  past: PastLine[]
  /** The account's tariff group's rates per zone. */
  tariffs: Partial<Record<Zone, TariffRate[]>>
}

export interface AccountToBill {
  period: string
  residents: number
  /** Total area in 1/10 m2. */
  areaTenths: number | null
  /** The day the account opened and closed, when inside or after the period. */
  openedOn: string | null
  closedOn: string | null
}

export interface BillLine {
  service: Service
  supplierId: string
  zone: Zone
  kind: 'charge' | 'recalculation'
  basis: ChargeBasis
  volume: string
  rateMillikopecks: number
  amount: number
  /** The estimated period a recalculation corrects. */
  recalculatedPeriod: string | null
}

/** The identity of a charge row a bill line becomes: its id, its account, its period, when made. */
export interface ChargeRowIdentity {
  id: string
  accountId: string
  period: string
  createdAt: string
}

/** A bill line as the ledger's charge row (the demo's history and the server's period close). */
export function chargeRowOf(line: BillLine, row: ChargeRowIdentity) {
  // In the ledger's column order: the demo's golden output is compared as written.
  return {
    id: row.id,
    accountId: row.accountId,
    supplierId: line.supplierId,
    service: line.service,
    period: row.period,
    kind: line.kind,
    volume: line.volume,
    basis: line.basis,
    rateMillikopecks: line.rateMillikopecks,
    amount: line.amount,
    createdAt: row.createdAt,
    zone: line.zone,
    recalculatedPeriod: line.recalculatedPeriod,
  }
}

export interface ServiceBill {
  lines: BillLine[]
  billedReadingIds: string[]
}

/** The days of the period the account was open: [from, to], null when none. */
export function activeDays(a: AccountToBill): { from: string; to: string } | null {
  let from = periodFirstDay(a.period)
  let to = periodLastDay(a.period)
  if (a.openedOn && a.openedOn > from) from = a.openedOn
  if (a.closedOn && a.closedOn < to) to = a.closedOn
  return from <= to ? { from, to } : null
}

/** A month's volume for the days the account was open (in thousandths more when cut). */
function prorate(
  volume: number,
  decimals: number,
  a: AccountToBill,
  days: { from: string; to: string },
) {
  const total = dayNumber(periodLastDay(a.period)) - dayNumber(periodFirstDay(a.period)) + 1
  const open = dayNumber(days.to) - dayNumber(days.from) + 1
  if (open === total) return { volume, decimals }
  const extra = splitDecimals(decimals)
  return {
    volume: roundHalfUp(volume * 10 ** extra * open, total),
    decimals: decimals + extra,
  }
}

/** A scaled volume in `decimals`, from one in `from` decimals (never finer than it). */
function rescale(volume: number, from: number, to: number): number {
  return from >= to ? roundHalfUp(volume, 10 ** (from - to)) : volume * 10 ** (to - from)
}

/**
 * One supplier's service of an account for a period (DOMAIN "Billing"): the meters' consumption
 * when a reading came in (and the recalculation of the periods estimated before it), else the
 * average for at most `maxPeriods` periods, else the norm; a meter past its verification counts
 * as absent after the same periods. Pure: the run feeds it rows and stores what it returns.
 */
export function billService(
  a: AccountToBill,
  s: ServiceToBill,
  rule: EstimateRule,
  norms: Norms,
): ServiceBill {
  const days = activeDays(a)
  if (!days) return { lines: [], billedReadingIds: [] }
  const start = periodFirstDay(a.period)
  const end = periodLastDay(a.period)
  const lines: BillLine[] = []
  const rates = (zone: Zone) => {
    const r = s.tariffs[zone]
    if (!r) throw new Error(`нет тарифа на услугу ${s.service}, зона ${zone}`)
    return r
  }
  const emit = (
    period: string,
    zone: Zone,
    volume: number,
    decimals: number,
    basis: ChargeBasis,
    kind: 'charge' | 'recalculation',
    window: { from: string; to: string } = days,
  ) => {
    if (volume === 0 && kind === 'recalculation') return
    for (const p of priceVolume(period, volume, decimals, rates(zone), window.from, window.to)) {
      lines.push({
        service: s.service,
        supplierId: s.supplierId,
        zone,
        kind,
        basis,
        volume: volumeText(p.volume, p.decimals),
        rateMillikopecks: p.rateMillikopecks,
        amount: p.amount,
        recalculatedPeriod: kind === 'recalculation' ? period : null,
      })
    }
  }
  const byNorm = () => {
    const n = normVolume(s.service, norms, a.period, a.residents, a.areaTenths)
    if (!n) return
    const v = prorate(n.volume, n.decimals, a, days)
    emit(a.period, 'T1', v.volume, v.decimals, 'norm', 'charge')
  }

  // The meters that served the period: installed by its end, not removed before it began.
  const serving = s.meters.filter(
    (m) => m.installedAt <= end && (m.removedAt === null || m.removedAt >= start),
  )

  // History: each earlier period's metered volume per zone (an estimate corrected by its
  // recalculation counts as metered), and the periods billed by the average.
  const averaged = new Set<string>()
  const metered = new Map<Zone, Map<string, number>>()
  const estimates = new Map<string, Map<Zone, number>>()
  const add = (zone: Zone, period: string, v: number) => {
    let m = metered.get(zone)
    if (!m) metered.set(zone, (m = new Map()))
    m.set(period, (m.get(period) ?? 0) + v)
  }
  for (const l of s.past) {
    const zone = l.zone ?? 'T1'
    const v = rescale(l.volume, l.decimals, 0)
    if (l.kind === 'charge' && l.basis === 'average') {
      averaged.add(l.period)
      let e = estimates.get(l.period)
      if (!e) estimates.set(l.period, (e = new Map()))
      e.set(zone, (e.get(zone) ?? 0) + v)
    }
  }
  for (const l of s.past) {
    const zone = l.zone ?? 'T1'
    const v = rescale(l.volume, l.decimals, 0)
    if (l.kind === 'charge' && l.basis === 'meter') add(zone, l.period, v)
    if (l.kind === 'recalculation' && l.recalculatedPeriod) {
      add(zone, l.recalculatedPeriod, v + (estimates.get(l.recalculatedPeriod)?.get(zone) ?? 0))
    }
  }

  // A meter past its verification date: its readings do not count; estimated for the same
  // periods as a missing reading, then as no meter.
  const expired = serving.filter(
    (m) => m.nextVerificationAt !== null && m.nextVerificationAt < start,
  )
  const working = s.meters.filter((m) => !expired.includes(m))
  const read = consumptionOf(working, a.period)

  if (read.zones.size > 0) {
    const run = estimatedRun(averaged, a.period).reverse()
    for (const [zone, total] of read.zones) {
      if (run.length === 0) {
        emit(a.period, zone, total, 0, 'meter', 'charge')
        continue
      }
      // The reading covers the estimated periods too: spread evenly over them and this one, each
      // estimated period recalculated by what its share differs from its estimate.
      const shares = evenShares(total, run.length + 1)
      run.forEach((p, i) => {
        const est = estimates.get(p)?.get(zone) ?? 0
        emit(p, zone, shares[i]! - est, 0, 'meter', 'recalculation', {
          from: periodFirstDay(p),
          to: periodLastDay(p),
        })
      })
      emit(a.period, zone, shares[run.length]!, 0, 'meter', 'charge')
    }
    return { lines, billedReadingIds: read.billedReadingIds }
  }

  if (serving.length === 0) {
    byNorm()
    return { lines, billedReadingIds: [] }
  }
  const sinceExpiry =
    expired.length > 0
      ? Math.max(...expired.map((m) => periodsBetween(m.nextVerificationAt!.slice(0, 7), a.period)))
      : 0
  const run = estimatedRun(averaged, a.period).length
  const inRun = expired.length > 0 ? sinceExpiry <= rule.maxPeriods : run < rule.maxPeriods
  if (inRun && metered.size > 0) {
    const averages = [...metered].map(
      ([zone, m]) => [zone, averageVolume(m, a.period, rule)] as const,
    )
    if (averages.every(([, v]) => v !== null)) {
      for (const [zone, v] of averages) {
        const p = prorate(v!, 0, a, days)
        emit(a.period, zone, p.volume, p.decimals, 'average', 'charge')
      }
      return { lines, billedReadingIds: [] }
    }
  }
  byNorm()
  return { lines, billedReadingIds: [] }
}
