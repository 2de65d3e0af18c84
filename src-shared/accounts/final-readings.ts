import type { Zone } from '../readings/domain'
import { parseReading } from '../readings/parse-reading'
import { meterZones, zoneLabel, type ZoneCount } from '../readings/zone-label'

/** An active meter of an account being closed, with the last standing reading per zone. */
export interface ClosingMeter {
  id: string
  serialNumber: string
  zones: ZoneCount
  intDigits: number
  fracDigits: number
  transformationRatio: number
  previous: Partial<Record<Zone, { value: number; date: string }>>
}

export interface TypedFinalReading {
  meterId: string
  zone: Zone
  value: string
}

export interface FinalReading {
  meterId: string
  zone: Zone
  rawValue: string
  value: number
  /** × transformation ratio; null when the zone had no reading before. */
  consumption: number | null
}

/** The form's key for one zone's final reading (errors come back under it). */
export const finalReadingKey = (meterId: string, zone: Zone) => `final.${meterId}.${zone}`

/**
 * Move-out (account.close): every zone of every active meter needs a final reading that fits
 * the meter's digits and is not below the last one on or before the closing date (a rollover
 * at move-out is not taken: the reading is taken on the spot by the clerk or the inspector).
 * Shared by the dialog, the workstation command and the server.
 */
export function checkFinalReadings(
  meters: ClosingMeter[],
  typed: TypedFinalReading[],
  closeDate: string,
): { ok: true; readings: FinalReading[] } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {}
  const readings: FinalReading[] = []
  for (const meter of meters) {
    for (const zone of meterZones(meter.zones)) {
      const key = finalReadingKey(meter.id, zone)
      const label = `Конечное показание (№ ${meter.serialNumber}, ${zoneLabel(zone, meter.zones)})`
      const entry = typed.find((t) => t.meterId === meter.id && t.zone === zone)
      if (!entry || entry.value.trim() === '') {
        fields[key] = `${label}: не заполнено`
        continue
      }
      const parsed = parseReading(entry.value, meter)
      if (!parsed.ok) {
        fields[key] = `${label}: ${parsed.message}`
        continue
      }
      const previous = meter.previous[zone]
      if (previous && previous.date > closeDate) {
        fields[key] = `${label}: есть показание от ${previous.date}, позже даты закрытия`
        continue
      }
      if (previous && parsed.value < previous.value) {
        fields[key] = `${label}: меньше предыдущего (${previous.value})`
        continue
      }
      readings.push({
        meterId: meter.id,
        zone,
        rawValue: entry.value.trim(),
        value: parsed.value,
        consumption: previous ? (parsed.value - previous.value) * meter.transformationRatio : null,
      })
    }
  }
  const known = new Set(meters.flatMap((m) => meterZones(m.zones).map((z) => `${m.id}.${z}`)))
  for (const t of typed) {
    if (!known.has(`${t.meterId}.${t.zone}`))
      fields[finalReadingKey(t.meterId, t.zone)] =
        'Конечное показание: прибор учета не найден среди действующих приборов счета'
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, readings }
}
