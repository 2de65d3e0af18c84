import { isoDate, monthOf, officeInstant, periodStart } from './calendar'
import type { GenContext } from './context'
import type { MeterPlan } from './meters'
import type { Rng } from './rng'
import type { Zone } from '../src-shared/readings/domain'
import type { ReadingRow } from './types'

export type ReadingSource = ReadingRow['source']

/** Per zone: the billed consumption between this reading and the previous one. */
export type ZoneConsumption = Map<Zone, number>

/** Electricity use follows the season: a third more in January than in July. */
function electricSeason(month: number): number {
  return 1 + 0.16 * Math.cos((2 * Math.PI * (month - 1)) / 12)
}

function waterSeason(month: number): number {
  return month >= 6 && month <= 8 ? 0.85 : 1.03
}

const tooManyDigits =
  'Больше знаков до запятой, чем у счетчика: похоже, введены цифры после запятой'

/** What the customer said or typed: sometimes with the fraction, sometimes with leading zeros. */
function rawText(rng: Rng, plan: MeterPlan, register: number): string {
  const { intDigits, fracDigits } = plan.row
  const int = Math.floor(register / plan.scale)
  let text = String(int)
  if (rng.chance(0.15)) text = text.padStart(intDigits, '0')
  if (fracDigits > 0 && rng.chance(0.35)) {
    text += `,${String(register % plan.scale).padStart(fracDigits, '0')}`
  }
  return text
}

export interface ReadingRound {
  ctx: GenContext
  rng: Rng
  accountId: string
  office: number
  /** Day number of the reading. */
  day: number
  source: ReadingSource
  status: ReadingRow['status']
  out: ReadingRow[]
}

function enteredAt(r: ReadingRound): string {
  const { rng, day, source, ctx } = r
  // The bill stub comes back through the bank a couple of days later; an inspector's list next day.
  const lag = source === 'bill' ? rng.int(1, 3) : source === 'control' ? 1 : 0
  const entered = Math.min(day + lag, ctx.timeline.todayDay)
  const minutes =
    source === 'portal'
      ? rng.int(7 * 60, 23 * 60 + 30)
      : source === 'bill'
        ? rng.int(3 * 60, 5 * 60)
        : rng.int(9 * 60, 17 * 60 + 45)
  return officeInstant(entered, minutes)
}

/**
 * Advances a meter by a month of use and records one reading per zone; returns the consumption
 * per zone. `monthlyUnits` is null for the first reading of the history: it only shows the register.
 */
export function readMeter(
  r: ReadingRound,
  plan: MeterPlan,
  monthlyUnits: number | null,
): ZoneConsumption {
  const { rng, ctx } = r
  const office = ctx.refs.offices[r.office] as GenContext['refs']['offices'][number]
  const byStaff = r.source === 'phone' || r.source === 'office'
  const period = isoDate(r.day).slice(0, 7)
  const readingDate = isoDate(r.day)
  const at = enteredAt(r)
  const max = 10 ** plan.row.intDigits * plan.scale - 1
  const consumption: ZoneConsumption = new Map()
  const ratio = plan.row.transformationRatio

  // Now and then the phone call or the portal form got the comma wrong the first time.
  if (
    monthlyUnits !== null &&
    plan.zones.length === 1 &&
    plan.row.fracDigits > 0 &&
    r.source !== 'bill' &&
    r.source !== 'control' &&
    rng.chance(0.004)
  ) {
    const register = plan.registers[0] as number
    const raw =
      String(Math.floor(register / plan.scale)) +
      String(register % plan.scale).padStart(plan.row.fracDigits, '0')
    // Only a number longer than the meter's integer digits gets rejected for it.
    if (raw.length > plan.row.intDigits)
      r.out.push({
        id: ctx.nextId(),
        meterId: plan.row.id,
        accountId: r.accountId,
        zone: 'T1',
        rawValue: raw,
        value: Number(raw),
        consumption: null,
        readingDate,
        enteredAt: at,
        period,
        source: r.source,
        status: 'rejected',
        rejectReason: tooManyDigits,
        operatorId: byStaff ? office.clerkId : null,
        workstationId: byStaff ? office.workstationId : null,
      })
  }

  plan.zones.forEach((zone, i) => {
    const before = plan.registers[i] as number
    let after = before
    if (monthlyUnits !== null) {
      const units = (monthlyUnits * (plan.shares[i] as number) * (0.8 + rng.next() * 0.4)) / ratio
      after = Math.min(before + Math.round(units * plan.scale), max)
      plan.registers[i] = after
    }
    const value = Math.floor(after / plan.scale)
    const used = monthlyUnits === null ? null : (value - Math.floor(before / plan.scale)) * ratio
    if (used !== null) consumption.set(zone, used)
    r.out.push({
      id: ctx.nextId(),
      meterId: plan.row.id,
      accountId: r.accountId,
      zone,
      rawValue: rawText(rng, plan, after),
      value,
      consumption: used,
      readingDate,
      enteredAt: at,
      period,
      source: r.source,
      status: r.status,
      rejectReason: null,
      operatorId: byStaff ? office.clerkId : null,
      workstationId: byStaff ? office.workstationId : null,
    })
  })
  return consumption
}

/** The month's use of a meter before noise: electricity by season, water a little less in summer. */
export function monthlyUse(plan: MeterPlan, base: number, period: string): number {
  const month = monthOf(period)
  return base * (plan.row.service === 'electricity' ? electricSeason(month) : waterSeason(month))
}

/** The reading day of a period: the 18th to the 25th, before the cutoff. */
export function readingDay(rng: Rng, period: string): number {
  return periodStart(period) + rng.int(17, 24)
}
