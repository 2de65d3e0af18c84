import type { Service } from '../src-shared/accounts/domain'
import { nextVerificationDate } from '../src-shared/meters/verification'
import { isoDate } from './calendar'
import { permute, type Rng } from './rng'
import type { Zone } from '../src-shared/readings/domain'
import type { MeterRow } from './types'

interface MeterModel {
  model: string
  service: Service
  zones: readonly number[]
  phases: number
  intDigits: number
  fracDigits: number
  accuracyClass: string
  /** Serial from the manufacture year's two digits and a unique 8-digit core. */
  serial: (yy: string, core: string) => string
  weight: number
  /** Induction meters of the 1990s: long out of production, mostly past verification. */
  old?: boolean
}

const plain = (_yy: string, core: string) => core
const withYear = (yy: string, core: string) => `${yy}${core}`
const energomera = (yy: string, core: string) => `009${yy}${core}`

/** A single- or three-phase electricity meter: 6 integer digits, class 1.0 unless stated. */
function electric(
  model: string,
  zones: number[],
  phases: number,
  fracDigits: number,
  serial: MeterModel['serial'],
  weight: number,
  more: Partial<MeterModel> = {},
): MeterModel {
  const base = { intDigits: 6, accuracyClass: '1.0', service: 'electricity' as const }
  return { model, zones, phases, fracDigits, serial, weight, ...base, ...more }
}

/** A hot-water meter: 5 integer digits and litres (3 decimals). */
function water(model: string, accuracyClass: string, weight: number): MeterModel {
  const base = { service: 'hot_water' as const, zones: [1], phases: 0, intDigits: 5, fracDigits: 3 }
  return { model, accuracyClass, weight, serial: withYear, ...base }
}

const electricModels: readonly MeterModel[] = [
  electric('Меркурий 201.5', [1], 1, 1, plain, 20),
  electric('Энергомера CE101 R5 145', [1], 1, 1, energomera, 10),
  electric('Энергомера CE102 R5.1 145', [1], 1, 2, energomera, 10),
  electric('Нева 103 1SO', [1], 1, 2, plain, 8),
  electric('СО-505', [1], 1, 1, plain, 5, { intDigits: 5, accuracyClass: '2.0', old: true }),
  electric('Нева МТ 124 AS OP', [2, 3], 1, 2, plain, 12),
  electric('Меркурий 200.02', [2, 3], 1, 2, plain, 10),
  electric('Меркурий 206 PRN', [2, 3], 1, 2, plain, 8),
  electric('Меркурий 230 ART-01', [1, 2, 3], 3, 2, plain, 6),
  electric('Энергомера CE301 R33', [1, 2], 3, 2, energomera, 4),
  electric('Нева МТ 314', [1, 2, 3], 3, 2, plain, 4),
]

const waterModels: readonly MeterModel[] = [
  water('Бетар СГВ-15', 'A', 5),
  water('Декаст ВСГ-15', 'A', 4),
  water('Пульсар Ду15 ГВ', 'A', 3),
  water('Экомера-15', 'B', 2),
  water('Valtec VLF-15U-I', 'A', 2),
]

export const verificationYears: Partial<Record<Service, number>> = { electricity: 16, hot_water: 6 }

const zoneNames: readonly Zone[] = ['T1', 'T2', 'T3']

/** A meter and what the simulation needs to run it month by month. */
export interface MeterPlan {
  row: MeterRow
  zones: readonly Zone[]
  /** Share of the meter's consumption per zone (sums to 1). */
  shares: number[]
  /** Register per zone, in 1/10^fracDigits units. */
  registers: number[]
  scale: number
  /** Typical use a month, in the service's units, before season and noise. */
  monthly: number
}

/** Makes unique serial cores and seal numbers for the whole run. */
export class MeterNumbers {
  private serials = 0
  private seals = 0

  constructor(private readonly key: number) {}

  serialCore(): string {
    return String(permute(this.serials++, 10_000, this.key)).padStart(8, '0')
  }

  seal(prefix: string): string {
    this.seals += 1
    return `${prefix} ${String(this.seals).padStart(7, '0')}`
  }
}

export interface MeterContext {
  rng: Rng
  numbers: MeterNumbers
  accountId: string
  nextId: () => string
  todayDay: number
  /** The meter must have been in place before the ledger opens. */
  startDay: number
}

function pickModel(rng: Rng, models: readonly MeterModel[]): MeterModel {
  return rng.weighted(models.map((m) => [m, m.weight] as const))
}

function dates(c: MeterContext, service: Service, old: boolean) {
  const years = verificationYears[service] as number
  const span = years * 365
  // Spread over the interval, a little past its end: some expired, some due within months.
  const verifiedDay = old
    ? c.todayDay - c.rng.int(13 * 365, 22 * 365)
    : c.todayDay - c.rng.int(120, span + 150)
  // Installed soon after its factory verification; or, when that is too recent for the history,
  // installed an interval earlier and verified again in service.
  // (All three numbers are drawn whatever the branch, so a longer history changes no meter.)
  const latest = c.startDay - c.rng.int(40, 400)
  const fresh = verifiedDay + c.rng.int(10, 200)
  const earlier = verifiedDay - years * 365 + c.rng.int(-300, 0)
  const installedDay = fresh <= latest ? fresh : Math.min(latest, earlier)
  const verifiedAt = isoDate(verifiedDay)
  return {
    installedAt: isoDate(installedDay),
    installedDay,
    verifiedAt,
    verificationIntervalYears: years,
    nextVerificationAt: nextVerificationDate(verifiedAt, years),
  }
}

function sharesFor(rng: Rng, zones: number): number[] {
  if (zones === 1) return [1]
  if (zones === 2) {
    const night = 0.22 + rng.next() * 0.18
    return [1 - night, night]
  }
  const peak = 0.25 + rng.next() * 0.1
  const night = 0.2 + rng.next() * 0.15
  return [peak, night, 1 - peak - night]
}

/** An electricity meter, its register already showing the years it has run. */
export function electricityMeter(
  c: MeterContext,
  opts: { house: boolean; monthlyKwh: number },
): MeterPlan {
  const { rng } = c
  const zones = rng.weighted<number>([
    [1, 55],
    [2, 35],
    [3, 10],
  ])
  const threePhase = opts.house && rng.chance(0.3)
  const candidates = electricModels.filter(
    (m) => m.zones.includes(zones) && (m.phases === 3) === threePhase,
  )
  const model = pickModel(
    rng,
    candidates.length > 0 ? candidates : electricModels.filter((m) => m.zones.includes(zones)),
  )
  const d = dates(c, 'electricity', model.old === true)
  // A few large houses are metered through current transformers: the register turns slower.
  const ratio = model.phases === 3 && rng.chance(0.05) ? rng.pick([10, 20, 30]) : 1
  const shares = sharesFor(rng, zones)
  const scale = 10 ** model.fracDigits
  const months = (c.startDay - d.installedDay) / 30.4
  const total = Math.min(
    (months * opts.monthlyKwh * (0.6 + rng.next() * 0.5)) / ratio,
    0.6 * 10 ** model.intDigits,
  )
  const location = opts.house
    ? rng.pick(['фасад дома', 'опора ВЛ', 'веранда', 'сарай'])
    : rng.pick(['лестничная клетка', 'лестничная клетка', 'прихожая'])
  const seals = [c.numbers.seal('ВЭ')]
  if (rng.chance(0.4)) seals.push(c.numbers.seal('ВЭ'))
  return {
    row: {
      id: c.nextId(),
      accountId: c.accountId,
      service: 'electricity',
      model: model.model,
      serialNumber: model.serial(d.installedAt.slice(2, 4), c.numbers.serialCore()),
      zones,
      intDigits: model.intDigits,
      fracDigits: model.fracDigits,
      transformationRatio: ratio,
      accuracyClass: model.accuracyClass,
      phases: model.phases,
      location,
      installedAt: d.installedAt,
      verifiedAt: d.verifiedAt,
      verificationIntervalYears: d.verificationIntervalYears,
      nextVerificationAt: d.nextVerificationAt,
      seals: JSON.stringify(seals),
      status: 'active',
      removedAt: null,
    },
    zones: zoneNames.slice(0, zones),
    shares,
    registers: shares.map((s) => Math.floor(total * s * scale)),
    scale,
    monthly: opts.monthlyKwh,
  }
}

/** A hot-water meter in the bathroom or the kitchen. */
export function hotWaterMeter(c: MeterContext, location: string, monthlyM3: number): MeterPlan {
  const { rng } = c
  const model = pickModel(rng, waterModels)
  const d = dates(c, 'hot_water', false)
  const scale = 10 ** model.fracDigits
  const months = (c.startDay - d.installedDay) / 30.4
  const total = months * monthlyM3 * (0.7 + rng.next() * 0.4)
  return {
    row: {
      id: c.nextId(),
      accountId: c.accountId,
      service: 'hot_water',
      model: model.model,
      serialNumber: model.serial(d.installedAt.slice(2, 4), c.numbers.serialCore()),
      zones: 1,
      intDigits: model.intDigits,
      fracDigits: model.fracDigits,
      transformationRatio: 1,
      accuracyClass: model.accuracyClass,
      phases: null,
      location,
      installedAt: d.installedAt,
      verifiedAt: d.verifiedAt,
      verificationIntervalYears: d.verificationIntervalYears,
      nextVerificationAt: d.nextVerificationAt,
      seals: JSON.stringify([c.numbers.seal('КТК')]),
      status: 'active',
      removedAt: null,
    },
    zones: ['T1'],
    shares: [1],
    registers: [Math.floor(total * scale)],
    scale,
    monthly: monthlyM3,
  }
}
