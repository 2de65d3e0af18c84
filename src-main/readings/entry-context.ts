import {
  formatAddress,
  formatFullName,
  type Address,
  type PersonName,
  type TariffGroup,
} from '../../src-shared/accounts/domain'
import { verificationStatus } from '../../src-shared/meters/verification'
import type { ReadingEntryContext, ReadingEntryMeter } from '../../src-shared/readings/contract'
import type { Zone } from '../../src-shared/readings/domain'
import {
  readingRulesFrom,
  readingSettingKeys,
  type ReadingRuleSettings,
  type ReadingSettingKey,
} from '../../src-shared/readings/rule-settings'
import { settingDefinitions } from '../../src-shared/settings/definitions'
import { meterZones } from '../../src-shared/readings/zone-label'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

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

// Parsed rules by the settings rows they were read from: the rows are read on every call (a
// pulled setting takes effect at once), the parsing only when they changed. Frozen, as they are
// shared between calls.
const parsedRules = new Map<string, ReadingRuleSettings>()

/** The reading rules in force on `today`: one query for all their settings. */
export function readingRulesOn(db: Db, today: string): ReadingRuleSettings {
  const rows = prepared(
    db.$client,
    `SELECT key, value FROM settings
      WHERE key IN (${readingSettingKeys.map((k) => `'${k}'`).join(', ')}) AND valid_from <= ?
      ORDER BY key, valid_from DESC`,
  ).all(today) as { key: ReadingSettingKey; value: string }[]
  const latest = new Map<string, string>()
  for (const r of rows) if (!latest.has(r.key)) latest.set(r.key, r.value)
  const memo = JSON.stringify([...latest])
  const known = parsedRules.get(memo)
  if (known) return known
  // The same reading of each value as readSetting (a value that does not fit: the default).
  const rules = deepFreeze(
    readingRulesFrom((key) => {
      const def = settingDefinitions[key]
      const value = latest.get(key)
      // A copy of a default: the frozen rules must not freeze the definitions.
      if (value === undefined) return structuredClone(def.default) as never
      const parsed = def.schema.safeParse(JSON.parse(value))
      return (parsed.success ? parsed.data : structuredClone(def.default)) as never
    }),
  )
  if (parsedRules.size >= 32) parsedRules.clear()
  parsedRules.set(memo, rules)
  return rules
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

type MeterPassport = Omit<
  ReadingEntryMeter,
  'verification' | 'previous' | 'history' | 'ratesMillikopecks'
>

const meterColumns = `id AS meterId, service, model, serial_number AS serialNumber, location, zones,
  int_digits AS intDigits, frac_digits AS fracDigits, transformation_ratio AS transformationRatio,
  next_verification_at AS nextVerificationAt, status`

/**
 * The standing readings of the meters over the history window (previous reading and history per
 * zone), read for the meters asked for only. Readings before the window are read only as a
 * zone's previous one when nothing newer stands.
 */
function readingsOf(
  db: Db,
  accountId: string,
  meters: readonly MeterPassport[],
  today: string,
  rules: ReadingRuleSettings,
): Map<string, Pick<ReadingEntryMeter, 'previous' | 'history'>> {
  const sql = db.$client
  // A little more than the window, so the reading before its start is there to measure from.
  const since = monthsBefore(today, rules.readingHistoryWindowMonths + 2)
  const byMeter = new Map<string, Pick<ReadingEntryMeter, 'previous' | 'history'>>()
  for (const m of meters) byMeter.set(m.meterId, { previous: {}, history: {} })
  if (meters.length === 0) return byMeter
  const rows =
    meters.length === 1
      ? // One meter (a save of one meter): its own index, not the whole account's window.
        (prepared(
          sql,
          `SELECT r.meter_id AS meterId, r.zone, r.reading_date AS readingDate, r.value, r.raw_value AS raw
             FROM readings r
            WHERE r.meter_id = @meterId AND r.reading_date >= @since AND ${standing}
            ORDER BY r.reading_date, r.entered_at`,
        ).all({ meterId: meters[0]!.meterId, since }) as ReadingRow[])
      : (prepared(
          sql,
          `SELECT r.meter_id AS meterId, r.zone, r.reading_date AS readingDate, r.value, r.raw_value AS raw
             FROM readings r
            WHERE r.account_id = @accountId AND r.reading_date >= @since AND ${standing}
            ORDER BY r.reading_date, r.entered_at`,
        ).all({ accountId, since }) as ReadingRow[])
  for (const r of rows) {
    const m = byMeter.get(r.meterId)
    if (!m) continue
    m.previous[r.zone] = { date: r.readingDate, value: r.value, raw: r.raw }
    ;(m.history[r.zone] ??= []).push({ date: r.readingDate, value: r.value })
  }
  const latestBefore = prepared(
    sql,
    `SELECT r.meter_id AS meterId, r.zone, r.reading_date AS readingDate, r.value, r.raw_value AS raw
       FROM readings r
      WHERE r.meter_id = @meterId AND r.zone = @zone AND r.reading_date < @since AND ${standing}
      ORDER BY r.reading_date DESC, r.entered_at DESC LIMIT 1`,
  )
  for (const meter of meters) {
    const { previous } = byMeter.get(meter.meterId)!
    for (const zone of meterZones(meter.zones)) {
      if (previous[zone]) continue
      const r = latestBefore.get({ meterId: meter.meterId, zone, since }) as ReadingRow | undefined
      if (r) previous[zone] = { date: r.readingDate, value: r.value, raw: r.raw }
    }
  }
  return byMeter
}

/** What the reading rules need to check a submission: no address, names or rates. */
export interface ReadingCheckContext {
  occupied: boolean
  rules: ReadingRuleSettings
  /** Every active meter of the account; previous and history only for those asked for. */
  meters: (MeterPassport & Pick<ReadingEntryMeter, 'previous' | 'history'>)[]
  /** Periods billing closed: a reading for one counts for the next open period. */
  closedPeriods: string[]
}

/**
 * The save's check context: the same rules and readings as the entry screen's context, for the
 * submitted meters only (the save re-checks what the screen checked, so it reads what the rules
 * read and nothing else).
 */
export function readingCheckContext(
  db: Db,
  accountId: string,
  meterIds: readonly string[],
  today: string,
): ReadingCheckContext {
  const sql = db.$client
  const account = prepared(sql, 'SELECT residents FROM accounts WHERE id = ?').get(accountId) as
    { residents: number } | undefined
  if (!account) throw new ApiFailure('not_found', 'Лицевой счет не найден.')
  const rules = readingRulesOn(db, today)
  const active = activeMeters(db, accountId)
  const asked = active.filter((m) => meterIds.includes(m.meterId))
  const readings = readingsOf(db, accountId, asked, today, rules)
  return {
    occupied: account.residents > 0,
    rules,
    meters: active.map((m) => ({
      ...m,
      ...(readings.get(m.meterId) ?? { previous: {}, history: {} }),
    })),
    closedPeriods: closedPeriodsOf(db, accountId),
  }
}

/**
 * Everything the entry screen needs for an account's active meters: previous readings, the
 * history window, current rates and the rules in force today.
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
    | (Address & PersonName & { number: string; residents: number; tariffGroup: TariffGroup })
    | undefined
  if (!account) throw new ApiFailure('not_found', 'Лицевой счет не найден.')
  const rules = readingRulesOn(db, today)

  const meters = activeMeters(db, accountId)
  const readings = readingsOf(db, accountId, meters, today, rules)
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
        ...readings.get(m.meterId)!,
        ratesMillikopecks,
      }
    }),
  }
}

/** The account's active meters, by service and serial number. */
function activeMeters(db: Db, accountId: string): MeterPassport[] {
  return prepared(
    db.$client,
    `SELECT ${meterColumns} FROM meters
      WHERE account_id = ? AND status = 'active' ORDER BY service, serial_number`,
  ).all(accountId) as MeterPassport[]
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
