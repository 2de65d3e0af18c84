import type { Service, TariffGroup } from '../src-shared/accounts/domain'
import {
  billService,
  chargeRowOf,
  type BillingMeter,
  type BillingReading,
  type PastLine,
} from '../src-shared/billing/bill-service'
import { required } from '../src-shared/billing/dated'
import { addPeriods } from '../src-shared/billing/days'
import { parseVolume, type TariffRate } from '../src-shared/billing/tariff-split'
import { zones, type Zone } from '../src-shared/readings/domain'
import type { GenContext } from './context'
import { demoLaw } from './law'
import { demoTariffKey } from './reference'
import type { ChargeRow, MeterRow, ReadingRow } from './types'

export interface BillingAccount {
  ctx: GenContext
  accountId: string
  tariffGroup: TariffGroup
  services: readonly Service[]
  /** Total area in 1/10 m2. */
  areaTenths: number | null
  residents: number
  /** The days the account opened and closed, as the period close reads them from its row. */
  openedOn: string
  closedOn: string | null
}

/**
 * An account's month-by-month period close, by billing's own rules (`billService`, the dated law
 * and the demo's tariff rows): the readings it is fed stand as the server would hold them, those a
 * close uses become billed, and its lines are the history later closes average over. So the
 * demo's charges are what the production period close would have billed.
 */
export class DemoBilling {
  private readonly meters = new Map<Service, BillingMeter[]>()
  private readonly meterOf = new Map<string, BillingMeter>()
  private readonly rows = new Map<string, { row: ReadingRow; reading: BillingReading }>()
  private readonly past = new Map<Service, PastLine[]>()

  constructor(private readonly a: BillingAccount) {}

  /** A meter of the account; `removedOn` the day it comes off (the account's close). */
  meter(row: MeterRow, removedOn: string | null): void {
    const meter: BillingMeter = {
      id: row.id,
      intDigits: row.intDigits,
      transformationRatio: row.transformationRatio,
      installedAt: row.installedAt,
      removedAt: removedOn,
      nextVerificationAt: row.nextVerificationAt,
      readings: [],
    }
    this.meterOf.set(row.id, meter)
    let list = this.meters.get(row.service)
    if (!list) this.meters.set(row.service, (list = []))
    list.push(meter)
  }

  /** Readings taken (rejected ones never count); a billed one is a register already billed. */
  readings(rows: readonly ReadingRow[]): void {
    for (const row of rows) {
      const meter = this.meterOf.get(row.meterId)
      if (!meter || row.status === 'rejected') continue
      const reading: BillingReading = {
        id: row.id,
        zone: row.zone,
        value: row.value,
        readingDate: row.readingDate,
        enteredAt: row.enteredAt,
        period: row.period,
        status: row.status,
      }
      meter.readings.push(reading)
      this.rows.set(row.id, { row, reading })
    }
  }

  /** The period's charge lines, one per service and zone (and per tariff when it changes). */
  close(period: string, createdAt: string): ChargeRow[] {
    const { ctx, accountId, tariffGroup } = this.a
    const start = `${period}-01`
    const rule = required(demoLaw.estimate, start, 'billingEstimate')
    const norms = required(demoLaw.norms, start, 'billingNorms')
    // The history the server reads (src-server/billing/run.ts): this many periods back.
    const from = addPeriods(period, -(rule.windowMonths + rule.maxPeriods + 1))
    const out: ChargeRow[] = []
    for (const service of this.a.services) {
      const supplierId = ctx.refs.supplierOf[service]
      const tariffs: Partial<Record<Zone, TariffRate[]>> = {}
      for (const zone of zones) {
        const rates = ctx.refs.tariffs.get(demoTariffKey(service, tariffGroup, zone))
        if (rates) tariffs[zone] = rates
      }
      const past = this.past.get(service) ?? []
      const bill = billService(
        {
          period,
          residents: this.a.residents,
          areaTenths: this.a.areaTenths,
          openedOn: this.a.openedOn,
          closedOn: this.a.closedOn,
        },
        {
          service,
          supplierId,
          meters: this.meters.get(service) ?? [],
          past: past.filter((l) => l.period >= from),
          tariffs,
        },
        rule,
        norms,
      )
      for (const id of bill.billedReadingIds) {
        const r = this.rows.get(id)
        if (!r) continue
        r.row.status = 'billed'
        r.reading.status = 'billed'
      }
      for (const l of bill.lines) {
        past.push({
          period,
          zone: l.zone,
          kind: l.kind,
          basis: l.basis,
          ...parseVolume(l.volume),
          recalculatedPeriod: l.recalculatedPeriod,
        })
        out.push(chargeRowOf(l, { id: ctx.nextId(), accountId, period, createdAt }))
      }
      this.past.set(service, past)
    }
    return out
  }
}
