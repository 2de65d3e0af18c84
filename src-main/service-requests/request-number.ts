import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/**
 * The next number of a service request or appeal made on this workstation: its receipt prefix
 * (unique per workstation) and a counter of the numbers it already gave, so desks working
 * offline never give the same number.
 */
export function nextNumber(db: Db, table: 'service_requests' | 'appeals', letter: string): string {
  const sqlite = db.$client
  const prefix = prepared(
    sqlite,
    'SELECT receipt_prefix AS prefix FROM device_state WHERE id = 1',
  ).get() as { prefix: string }
  const head = `${letter}-${prefix.prefix}-`
  const last = prepared(
    sqlite,
    `SELECT max(CAST(substr(number, ?) AS INTEGER)) FROM ${table} WHERE substr(number, 1, ?) = ?`,
  )
    .pluck()
    .get(head.length + 1, head.length, head) as number | null
  return `${head}${(last ?? 0) + 1}`
}
