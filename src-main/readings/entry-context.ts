import { formatAddress, formatFullName, type TariffGroup } from '../../src-shared/accounts/domain'
import { verificationStatus } from '../../src-shared/meters/verification'
import type { ReadingEntryContext, ReadingEntryMeter } from '../../src-shared/readings/contract'
import type { Zone } from '../../src-shared/readings/domain'
import { readingRulesFrom } from '../../src-shared/readings/rule-settings'
import { meterZones } from '../../src-shared/readings/zone-label'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { readSetting } from '../settings/settings'

interface ReadingRow {
  meterId: string
  zone: Zone
  readingDate: string
  value: number
  raw: string
}

/** Readings that stand: accepted or billed, not deleted. */
const standing = `r.status IN ('accepted', 'billed')
  AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id)`

function monthsBefore(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 - months, 1))
  return d.toISOString().slice(0, 10)
}

/**
 * Everything the entry screen and the server-side check need for an account's active meters:
 * previous readings, the history window, current rates and the rules in force today.
 */
export function readingEntryContext(db: Db, accountId: string, today: string): ReadingEntryContext {
  const sql = db.$client
  const account = prepared(
    sql,
    `SELECT a.number, a.residents, a.tariff_group AS tariffGroup, a.region, a.settlement, a.street,
              a.house, a.building, a.flat, c.last_name AS lastName, c.first_name AS firstName,
              c.middle_name AS middleName
         FROM accounts a JOIN customers c ON c.id = a.holder_id WHERE a.id = ?`,
  ).get(accountId) as
    | (Record<
        'number' | 'region' | 'settlement' | 'street' | 'house' | 'lastName' | 'firstName',
        string
      > & {
        residents: number
        tariffGroup: TariffGroup
        building: string | null
        flat: string | null
        middleName: string | null
      })
    | undefined
  if (!account) throw new ApiFailure('not_found', 'Лицевой счет не найден.')
  const rules = readingRulesFrom((key) => readSetting(db, key, today))

  const meters = prepared(
    sql,
    `SELECT id AS meterId, service, model, serial_number AS serialNumber, location, zones,
              int_digits AS intDigits, frac_digits AS fracDigits,
              transformation_ratio AS transformationRatio, next_verification_at AS nextVerificationAt, status
         FROM meters WHERE account_id = ? AND status = 'active' ORDER BY service, serial_number`,
  ).all(accountId) as Omit<
    ReadingEntryMeter,
    'verification' | 'previous' | 'history' | 'ratesMillikopecks'
  >[]

  // A little more than the window, so the reading before its start is there to measure from.
  // Older readings matter only as a zone's previous one when nothing newer stands.
  const since = monthsBefore(today, rules.readingHistoryWindowMonths + 2)
  const rows = prepared(
    sql,
    `SELECT r.meter_id AS meterId, r.zone, r.reading_date AS readingDate, r.value, r.raw_value AS raw
         FROM readings r
        WHERE r.account_id = @accountId AND r.reading_date >= @since AND ${standing}
        ORDER BY r.reading_date, r.entered_at`,
  ).all({ accountId, since }) as ReadingRow[]
  const latestBefore = prepared(
    sql,
    `SELECT r.meter_id AS meterId, r.zone, r.reading_date AS readingDate, r.value, r.raw_value AS raw
       FROM readings r
      WHERE r.meter_id = @meterId AND r.zone = @zone AND r.reading_date < @since AND ${standing}
      ORDER BY r.reading_date DESC, r.entered_at DESC LIMIT 1`,
  )
  const rates = prepared(
    sql,
    `SELECT t.zone, t.rate_millikopecks AS rate
       FROM tariffs t JOIN account_services s ON s.supplier_id = t.supplier_id AND s.service = t.service
      WHERE s.account_id = ? AND t.service = ? AND t.tariff_group = ?
        AND t.valid_from <= ? AND (t.valid_to IS NULL OR t.valid_to >= ?)`,
  )

  return {
    accountId,
    accountNumber: account.number,
    holderName: formatFullName(account),
    address: formatAddress(account),
    occupied: account.residents > 0,
    today,
    rules,
    closedPeriods: closedPeriodsOf(db, accountId),
    meters: meters.map((m) => {
      const previous: ReadingEntryMeter['previous'] = {}
      const history: ReadingEntryMeter['history'] = {}
      for (const r of rows) {
        if (r.meterId !== m.meterId) continue
        previous[r.zone] = { date: r.readingDate, value: r.value, raw: r.raw }
        ;(history[r.zone] ??= []).push({ date: r.readingDate, value: r.value })
      }
      for (const zone of meterZones(m.zones)) {
        if (previous[zone]) continue
        const r = latestBefore.get({ meterId: m.meterId, zone, since }) as ReadingRow | undefined
        if (r) previous[zone] = { date: r.readingDate, value: r.value, raw: r.raw }
      }
      const ratesMillikopecks: ReadingEntryMeter['ratesMillikopecks'] = {}
      for (const t of rates.all(accountId, m.service, account.tariffGroup, today, today) as {
        zone: Zone
        rate: number
      }[]) {
        ratesMillikopecks[t.zone] = t.rate
      }
      return {
        ...m,
        verification: verificationStatus(m.nextVerificationAt, today),
        previous,
        history,
        ratesMillikopecks,
      }
    }),
  }
}

/** The periods billing closed for the account's branch (synced from the server). */
export function closedPeriodsOf(db: Db, accountId: string): string[] {
  return (
    prepared(
      db.$client,
      `SELECT p.period FROM billing_periods p JOIN accounts a ON a.branch_id = p.branch_id
        WHERE a.id = ? AND p.status = 'closed' ORDER BY p.period`,
    ).all(accountId) as { period: string }[]
  ).map((r) => r.period)
}
