import { officeDate } from '../../src-shared/dates'
import type { OldMeter } from '../../src-shared/meters/contract'
import type { MeterService } from '../../src-shared/meters/schemas'
import type { Zone } from '../../src-shared/readings/domain'
import type { DatedValue } from '../../src-shared/readings/register'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/** The account a meter change is made on: it must exist and be open. */
export function openAccount(db: Db, accountId: string): { id: string; number: string } {
  const account = prepared(db.$client, 'SELECT id, number, status FROM accounts WHERE id = ?').get(
    accountId,
  ) as { id: string; number: string; status: string } | undefined
  if (!account) throw new ApiFailure('not_found', 'Лицевой счет не найден.')
  if (account.status !== 'open') {
    const message = `Лицевой счет ${account.number} закрыт: счетчики на нем не меняются.`
    throw new ApiFailure('conflict', message, { accountId: message })
  }
  return account
}

/** The metered services the account has (a meter is installed only for one of them). */
export function meteredServices(db: Db, accountId: string): MeterService[] {
  return prepared(
    db.$client,
    `SELECT service FROM account_services
      WHERE account_id = ? AND service IN ('electricity', 'hot_water', 'heating') ORDER BY service`,
  )
    .pluck()
    .all(accountId) as MeterService[]
}

/** The latest standing reading of each zone of one meter. */
export function lastReadings(db: Db, meterId: string): Partial<Record<Zone, DatedValue>> {
  const rows = prepared(
    db.$client,
    `SELECT zone, reading_date AS date, value FROM (
       SELECT r.zone, r.reading_date, r.value,
              row_number() OVER (PARTITION BY r.zone ORDER BY r.reading_date DESC, r.entered_at DESC) AS n
         FROM readings r
        WHERE r.meter_id = ? AND r.status IN ('accepted', 'billed')
          AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id))
      WHERE n = 1`,
  ).all(meterId) as (DatedValue & { zone: Zone })[]
  return Object.fromEntries(rows.map(({ zone, ...r }) => [zone, r]))
}

/** An active meter of the account with its last readings, or a clear refusal. */
export function activeMeter(db: Db, accountId: string, meterId: string): OldMeter {
  const meter = prepared(
    db.$client,
    `SELECT id, service, model, serial_number AS serialNumber, zones, int_digits AS intDigits,
            frac_digits AS fracDigits, transformation_ratio AS transformationRatio,
            installed_at AS installedAt, status
       FROM meters WHERE id = ? AND account_id = ?`,
  ).get(meterId, accountId) as (Omit<OldMeter, 'previous'> & { status: string }) | undefined
  if (!meter) {
    throw new ApiFailure('not_found', 'Счетчик: не найден на этом лицевом счете.', {
      meterId: 'Счетчик: не найден на этом лицевом счете.',
    })
  }
  if (meter.status !== 'active') {
    const message = `Счетчик: № ${meter.serialNumber} уже снят.`
    throw new ApiFailure('conflict', message, { meterId: message })
  }
  const { status: _status, ...rest } = meter
  return { ...rest, previous: lastReadings(db, meterId) }
}

/**
 * meter.remove's and meter.replace's first checks: the office's day of the command, the account
 * open and the active meter the command names.
 */
export function dayAndOldMeter(
  db: Db,
  input: { timeZone: string; accountId: string; meterId: string },
  now: Date,
): { today: string; old: OldMeter } {
  const today = officeDate(now, input.timeZone)
  openAccount(db, input.accountId)
  return { today, old: activeMeter(db, input.accountId, input.meterId) }
}
