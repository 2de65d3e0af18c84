import type { ReadingHistoryLine } from '../../src-shared/readings/types'
import type { Db } from '../db/connection'

export interface HistoryFilter {
  accountId: string
  meterId?: string
  /** Inclusive YYYY-MM-DD bounds on the reading date. */
  from: string
  to: string
}

/** Every reading of an account's meters in a date range, deleted ones marked, newest first. */
export function readingHistory(db: Db, filter: HistoryFilter): ReadingHistoryLine[] {
  const rows = db.$client
    .prepare(
      `SELECT r.id, r.meter_id AS meterId, m.serial_number AS meterSerial, m.service, r.zone,
              r.reading_date AS readingDate, r.entered_at AS enteredAt, r.raw_value AS rawValue, r.value,
              r.consumption, r.source, r.status, r.period, o.full_name AS operatorName,
              r.confirm_reason AS confirmReason, r.reject_reason AS rejectReason,
              d.id IS NOT NULL AS deleted, d.reason AS deleteReason
         FROM readings r
         JOIN meters m ON m.id = r.meter_id
         LEFT JOIN operators o ON o.id = r.operator_id
         LEFT JOIN reading_deletions d ON d.reading_id = r.id
        WHERE r.account_id = @accountId AND (@meterId IS NULL OR r.meter_id = @meterId)
          AND r.reading_date BETWEEN @from AND @to
        ORDER BY r.reading_date DESC, r.entered_at DESC, m.serial_number, r.zone`,
    )
    .all({ ...filter, meterId: filter.meterId ?? null }) as (Omit<ReadingHistoryLine, 'deleted'> & {
    deleted: number
  })[]
  return rows.map((r) => ({ ...r, deleted: r.deleted === 1 }))
}
