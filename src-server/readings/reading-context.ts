import { sql } from 'drizzle-orm'
import type { Zone } from '../../src-shared/readings/domain'
import type { DatedValue } from '../../src-shared/readings/register'
import { readingRulesFrom } from '../../src-shared/readings/rule-settings'
import type { ReadingMeter } from '../../src-shared/readings/validate-reading'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'
import { settingsOn } from '../settings/settings'

export interface ServerReadingMeter extends ReadingMeter {
  id: string
  previous: Partial<Record<Zone, DatedValue>>
  history: Partial<Record<Zone, DatedValue[]>>
}

function monthsBefore(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 - months, 1)).toISOString().slice(0, 10)
}

/**
 * What the shared reading rules need about an account's active meters, from the server's rows:
 * the same inputs as the workstation's entry context (previous reading per zone, the history
 * window, residents, the rules in force on the entry date).
 */
export async function serverReadingContext(tx: ServerDb, accountId: string, entryDate: string) {
  const rules = readingRulesFrom(await settingsOn(tx, entryDate))
  const [account] = await queryRows<{ residents: number }>(
    tx,
    sql`SELECT residents FROM accounts WHERE id = ${accountId}`,
  )
  const meters = await queryRows<Omit<ServerReadingMeter, 'previous' | 'history'>>(
    tx,
    sql`SELECT id, zones, int_digits AS "intDigits", frac_digits AS "fracDigits",
               transformation_ratio AS "transformationRatio",
               next_verification_at AS "nextVerificationAt", status
          FROM meters WHERE account_id = ${accountId} AND status = 'active' AND deleted_at IS NULL`,
  )
  const since = monthsBefore(entryDate, rules.readingHistoryWindowMonths + 2)
  // Standing readings (accepted or billed, not deleted), newest last; older ones only as the
  // latest per zone when nothing in the window stands.
  const rows = await queryRows<{ meterId: string; zone: Zone; date: string; value: number }>(
    tx,
    sql`SELECT meter_id AS "meterId", zone, reading_date AS date, value FROM (
          SELECT r.*, row_number() OVER (PARTITION BY r.meter_id, r.zone
                                         ORDER BY r.reading_date DESC, r.entered_at DESC) AS n
            FROM readings r
           WHERE r.account_id = ${accountId} AND r.status IN ('accepted', 'billed')
             AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id)
        ) s WHERE s.reading_date >= ${since} OR s.n = 1
        ORDER BY reading_date, entered_at`,
  )
  return {
    occupied: (account?.residents ?? 0) > 0,
    rules,
    meters: meters.map((m) => {
      const previous: ServerReadingMeter['previous'] = {}
      const history: ServerReadingMeter['history'] = {}
      for (const r of rows) {
        if (r.meterId !== m.id) continue
        previous[r.zone] = { date: r.date, value: Number(r.value) }
        if (r.date >= since) (history[r.zone] ??= []).push({ date: r.date, value: Number(r.value) })
      }
      return { ...m, previous, history }
    }),
  }
}
