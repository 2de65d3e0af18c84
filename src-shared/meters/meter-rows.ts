import type { ReadingSource, Zone } from '../readings/domain'
import { parseReading } from '../readings/parse-reading'
import type { DatedValue } from '../readings/register'
import type { NewMeterArgs } from './schemas'
import { nextVerificationDate } from './verification'

/** Flags kept with the readings a meter is opened and closed with (reading.flags). */
export const meterReadingFlags = { installed: 'meter_installed', removed: 'meter_removed' } as const

/** Source of the readings taken when a meter is installed or removed: the supplier's own. */
export const meterReadingSource: ReadingSource = 'control'

/** The meters row of a newly installed meter (the same on the workstation and the server). */
export function newMeterRow(id: string, accountId: string, meter: NewMeterArgs) {
  return {
    id,
    accountId,
    service: meter.service,
    model: meter.model,
    serialNumber: meter.serialNumber,
    zones: meter.zones,
    intDigits: meter.intDigits,
    fracDigits: meter.fracDigits,
    transformationRatio: meter.transformationRatio,
    accuracyClass: meter.accuracyClass,
    phases: meter.phases,
    location: meter.location,
    installedAt: meter.installedAt,
    verifiedAt: meter.verifiedAt,
    verificationIntervalYears: meter.verificationIntervalYears,
    nextVerificationAt: nextVerificationDate(meter.verifiedAt, meter.verificationIntervalYears),
    seals: JSON.stringify(meter.seals),
    status: 'active' as const,
    removedAt: null,
  }
}

export interface MeterReadingValue {
  zone: Zone
  raw: string
  value: number
  /** Within this meter only: null for an initial reading or a zone never read before. */
  consumption: number | null
}

/**
 * The values of an initial (no `previous`) or final reading per zone, already checked by the
 * meter schemas. Consumption is measured from the same meter's previous reading, so it never
 * spans two meters: a new meter starts from its initial reading.
 */
export function meterReadingValues(
  typed: Partial<Record<Zone, string>>,
  meter: { intDigits: number; fracDigits: number; transformationRatio: number },
  previous: Partial<Record<Zone, DatedValue>> = {},
): MeterReadingValue[] {
  return Object.entries(typed).map(([zone, raw]) => {
    const parsed = parseReading(raw, meter)
    if (!parsed.ok) throw new RangeError(`unchecked reading for ${zone}: ${raw}`)
    const prev = previous[zone as Zone]
    return {
      zone: zone as Zone,
      raw,
      value: parsed.value,
      consumption: prev ? (parsed.value - prev.value) * meter.transformationRatio : null,
    }
  })
}

/** An initial or final reading of a meter, one value a zone, as a command records it. */
export interface MeterReadingFact {
  meterId: string
  accountId: string
  typed: Partial<Record<Zone, string>>
  meter: { intDigits: number; fracDigits: number; transformationRatio: number }
  previous?: Partial<Record<Zone, DatedValue>>
  date: string
  period: string
  /** One of meterReadingFlags. */
  flag: string
}

/** Who recorded a fact, where and when: the command's own. */
export interface RecordedBy {
  at: string
  operatorId: string | null
  workstationId: string | null
}

/**
 * The readings rows of an initial or final reading, one a zone, each under the id `idOf` gives
 * its zone (the same rows on the workstation and the server).
 */
export function meterReadingRows(
  fact: MeterReadingFact,
  idOf: (zone: Zone) => string,
  by: RecordedBy,
) {
  return meterReadingValues(fact.typed, fact.meter, fact.previous).map((v) => ({
    id: idOf(v.zone),
    meterId: fact.meterId,
    accountId: fact.accountId,
    zone: v.zone,
    rawValue: v.raw,
    value: v.value,
    consumption: v.consumption,
    readingDate: fact.date,
    enteredAt: by.at,
    period: fact.period,
    source: meterReadingSource,
    status: 'accepted' as const,
    flags: JSON.stringify([fact.flag]),
    operatorId: by.operatorId,
    workstationId: by.workstationId,
  }))
}
