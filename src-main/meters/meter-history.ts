import type { MeterLastReading } from '../../src-shared/accounts/types'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/** A meter's latest standing reading per zone, as typed: for a removed meter, its final one. */
export function meterLastReadings(db: Db, meterId: string): MeterLastReading[] {
  return prepared(
    db.$client,
    `SELECT zone, reading_date AS date, raw_value AS value FROM (
       SELECT r.zone, r.reading_date, r.raw_value,
              row_number() OVER (PARTITION BY r.zone ORDER BY r.reading_date DESC, r.entered_at DESC) AS n
         FROM readings r
        WHERE r.meter_id = ? AND r.status IN ('accepted', 'billed')
          AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id))
      WHERE n = 1 ORDER BY zone`,
  ).all(meterId) as MeterLastReading[]
}
