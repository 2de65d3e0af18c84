import {
  accountNotifications,
  type Notification,
  type NotificationFacts,
} from '../../src-shared/notifications/notifications'
import type { AccountStatus } from '../../src-shared/accounts/domain'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { notificationRules, standingReading } from './notification-facts'

/** The facts of one account, read from the replica. */
export function notificationFacts(db: Db, accountId: string): NotificationFacts | undefined {
  const sqlite = db.$client
  const account = prepared(
    sqlite,
    `SELECT a.status, a.closed_at AS closedAt,
            (SELECT max(r.period) FROM readings r WHERE r.account_id = a.id AND ${standingReading})
              AS lastReadingPeriod,
            (SELECT coalesce(sum(amount), 0) FROM opening_balances WHERE account_id = a.id)
            + (SELECT coalesce(sum(amount), 0) FROM charges WHERE account_id = a.id)
            - (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.account_id = a.id
                 AND NOT EXISTS (SELECT 1 FROM payment_cancellations x WHERE x.payment_id = p.id))
              AS balance
       FROM accounts a WHERE a.id = ?`,
  ).get(accountId) as
    | {
        status: AccountStatus
        closedAt: string | null
        lastReadingPeriod: string | null
        balance: number
      }
    | undefined
  if (!account) return undefined
  const meters = prepared(
    sqlite,
    `SELECT serial_number AS serialNumber, next_verification_at AS nextVerificationAt, status
       FROM meters WHERE account_id = ? ORDER BY service, installed_at`,
  ).all(accountId) as NotificationFacts['meters']
  const requests = prepared(
    sqlite,
    `SELECT number, status, registered_at AS registeredAt, called_back_at AS calledBackAt
       FROM service_requests
      WHERE account_id = ? AND called_back_at IS NULL AND status IN ('new', 'scheduled')
      ORDER BY registered_at`,
  ).all(accountId) as NonNullable<NotificationFacts['requests']>
  const appeals = prepared(
    sqlite,
    `SELECT number, status, due_on AS dueOn FROM appeals
      WHERE account_id = ? AND status IN ('registered', 'in_work') ORDER BY due_on`,
  ).all(accountId) as NonNullable<NotificationFacts['appeals']>
  return { ...account, meters, requests, appeals }
}

/** What the card shows at its top for one account today. */
export function notificationsOfAccount(
  db: Db,
  accountId: string,
  today: string,
  now?: Date,
): Notification[] {
  const facts = notificationFacts(db, accountId)
  if (!facts) throw new ApiFailure('not_found', 'Лицевой счет не найден.')
  return accountNotifications(facts, { ...notificationRules(db, today), now: now?.toISOString() })
}
