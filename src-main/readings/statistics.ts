import type { Zone } from '../../src-shared/readings/domain'
import type { ConsumptionStatistics, MonthConsumption } from '../../src-shared/readings/types'
import type { Db } from '../db/connection'

interface Row {
  period: string
  zone: Zone
  consumption: number
}

const allZones: Zone[] = ['T1', 'T2', 'T3']

/**
 * Consumption per month of one meter for a year, with the same month a year before: counted from
 * the readings that stand (accepted or billed, not deleted), in the period each counts for.
 */
export function consumptionStatistics(
  db: Db,
  meterId: string,
  year: number,
): ConsumptionStatistics {
  const meter = db.$client.prepare('SELECT zones FROM meters WHERE id = ?').get(meterId) as
    { zones: number } | undefined
  const zones = allZones.slice(0, meter?.zones ?? 1)
  const rows = db.$client
    .prepare(
      `SELECT r.period, r.zone, sum(r.consumption) AS consumption
         FROM readings r
        WHERE r.meter_id = ? AND r.period BETWEEN ? AND ? AND r.consumption IS NOT NULL
          AND r.status IN ('accepted', 'billed')
          AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id)
        GROUP BY r.period, r.zone`,
    )
    .all(meterId, `${year - 1}-01`, `${year}-12`) as Row[]

  const byPeriod = new Map<string, Partial<Record<Zone, number>>>()
  for (const r of rows) {
    const month = byPeriod.get(r.period) ?? {}
    month[r.zone] = r.consumption
    byPeriod.set(r.period, month)
  }
  const totalOf = (period: string): number | null => {
    const month = byPeriod.get(period)
    return month ? Object.values(month).reduce((a, b) => a + b, 0) : null
  }

  const months: MonthConsumption[] = Array.from({ length: 12 }, (_, i) => {
    const mm = String(i + 1).padStart(2, '0')
    const period = `${year}-${mm}`
    return {
      period,
      byZone: byPeriod.get(period) ?? {},
      total: totalOf(period),
      lastYearTotal: totalOf(`${year - 1}-${mm}`),
    }
  })
  const read = months.filter((m): m is MonthConsumption & { total: number } => m.total !== null)
  const pick = (better: (a: number, b: number) => boolean) =>
    read.reduce<{ period: string; total: number } | null>(
      (best, m) =>
        best === null || better(m.total, best.total) ? { period: m.period, total: m.total } : best,
      null,
    )
  return {
    meterId,
    year,
    zones,
    months,
    min: pick((a, b) => a < b),
    max: pick((a, b) => a > b),
    total: read.reduce((sum, m) => sum + m.total, 0),
  }
}
