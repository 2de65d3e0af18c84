import {
  formatAddress,
  formatFullName,
  type Address,
  type PersonName,
} from '../../src-shared/accounts/domain'
import type { NotificationKind } from '../../src-shared/notifications/notifications'
import type { NotificationList, NotificationListRow } from '../../src-shared/notifications/contract'
import { addMonths, verificationWarnMonths } from '../../src-shared/meters/verification'
import { addDays } from '../../src-shared/appeals/domain'
import { rawSearchKeys } from '../accounts/search'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { notificationRules, signedLedger, standingReading } from './notification-facts'

/** Search text narrows the list to at most this many accounts found by the search index. */
const searchLimit = 5000

/**
 * Per kind, the accounts with that notification as (account_id, meter_serial, date, amount, period):
 * each is one indexed or aggregated SQL pass over the branch, never a per-account loop in JS.
 */
const kindQueries: Record<NotificationKind, string> = {
  closed: `SELECT a.id AS account_id, NULL AS meter_serial, a.closed_at AS date, NULL AS amount, NULL AS period
             FROM accounts a WHERE a.status = 'closed'`,
  verification_expired: `
    SELECT m.account_id, m.serial_number AS meter_serial, min(coalesce(m.next_verification_at, '')) AS date,
           NULL AS amount, NULL AS period
      FROM meters m JOIN accounts a ON a.id = m.account_id AND a.status = 'open'
     WHERE m.status = 'active' AND (m.next_verification_at IS NULL OR m.next_verification_at <= @today)
     GROUP BY m.account_id`,
  verification_due: `
    SELECT m.account_id, m.serial_number AS meter_serial, min(m.next_verification_at) AS date,
           NULL AS amount, NULL AS period
      FROM meters m JOIN accounts a ON a.id = m.account_id AND a.status = 'open'
     WHERE m.status = 'active' AND m.next_verification_at > @today AND m.next_verification_at <= @dueBy
     GROUP BY m.account_id`,
  no_reading: `
    SELECT a.id AS account_id, NULL AS meter_serial, NULL AS date, NULL AS amount, @period AS period
      FROM accounts a
     WHERE a.status = 'open'
       AND EXISTS (SELECT 1 FROM meters m WHERE m.account_id = a.id AND m.status = 'active')
       AND NOT EXISTS (SELECT 1 FROM readings r
                        WHERE r.account_id = a.id AND r.period >= @period AND ${standingReading})`,
  debt: `
    SELECT account_id, NULL AS meter_serial, NULL AS date, sum(amount) AS amount, NULL AS period
      FROM (${signedLedger})
     GROUP BY account_id HAVING sum(amount) > @threshold`,
  callback_overdue: `
    SELECT r.account_id, NULL AS meter_serial, min(r.registered_at) AS date, NULL AS amount,
           NULL AS period
      FROM service_requests r
     WHERE r.called_back_at IS NULL AND r.status IN ('new', 'scheduled')
       AND r.registered_at < @callBackBefore
     GROUP BY r.account_id`,
  appeal_overdue: `
    SELECT p.account_id, NULL AS meter_serial, min(p.due_on) AS date, NULL AS amount, NULL AS period
      FROM appeals p
     WHERE p.status IN ('registered', 'in_work') AND p.due_on < @today
     GROUP BY p.account_id`,
  appeal_due_soon: `
    SELECT p.account_id, NULL AS meter_serial, min(p.due_on) AS date, NULL AS amount, NULL AS period
      FROM appeals p
     WHERE p.status IN ('registered', 'in_work') AND p.due_on >= @today AND p.due_on <= @soonBy
     GROUP BY p.account_id`,
}

interface Row extends Address, PersonName {
  accountId: string
  number: string
  meterSerial: string | null
  date: string | null
  amount: number | null
  period: string | null
  status: string
  total: number
}

function listSql(kind: NotificationKind): string {
  return `SELECT k.account_id AS accountId, a.number, k.meter_serial AS meterSerial, k.date, k.amount,
                 k.period, a.region, a.settlement, a.street, a.house, a.building, a.flat,
                 c.last_name AS lastName, c.first_name AS firstName, c.middle_name AS middleName,
                 count(*) OVER () AS total
            FROM (${kindQueries[kind]}) k
            JOIN accounts a ON a.id = k.account_id
            JOIN customers c ON c.id = a.holder_id
           WHERE (@officeId IS NULL OR a.office_id = @officeId)
             AND (@keys IS NULL OR a.search_key IN (SELECT value FROM json_each(@keys)))
           ORDER BY a.number
           LIMIT @limit OFFSET @offset`
}

export interface NotificationListQuery {
  kind: NotificationKind
  query: string
  offset: number
  limit: number
  /** The workstation's office; null = the whole branch of the replica. */
  officeId: string | null
  today: string
  /** The instant now: the call-back promise runs in hours. */
  now?: Date
}

/** One page of the office's accounts with a notification of one kind, by account number. */
export function listNotifications(db: Db, q: NotificationListQuery): NotificationList {
  const rules = notificationRules(db, q.today)
  const keys = q.query === '' ? null : JSON.stringify(rawSearchKeys(db, q.query, searchLimit))
  const rows = prepared(db.$client, listSql(q.kind)).all({
    today: rules.today,
    dueBy: addMonths(rules.today, verificationWarnMonths),
    period: rules.currentPeriod,
    threshold: rules.debtThreshold,
    // A request registered before this instant has had its promised hours.
    callBackBefore: new Date(
      (q.now ?? new Date()).getTime() - (rules.callBackHours ?? 72) * 3_600_000,
    ).toISOString(),
    soonBy: addDays(rules.today, rules.appealDueSoonDays ?? 0),
    officeId: q.officeId,
    keys,
    limit: q.limit,
    offset: q.offset,
  }) as Row[]
  // The row count rides on every row; an offset past the end still needs it.
  const total =
    rows[0]?.total ??
    (q.offset > 0 ? listNotifications(db, { ...q, offset: 0, limit: 1 }).total : 0)
  return {
    total,
    rows: rows.map((r): NotificationListRow => ({
      accountId: r.accountId,
      number: r.number,
      holderName: formatFullName(r),
      address: formatAddress(r),
      kind: q.kind,
      meterSerial: r.meterSerial,
      date: r.date === '' ? null : r.date,
      amount: r.amount,
      period: r.period,
    })),
  }
}
