import { readingPeriod } from '../../src-shared/readings/period'
import type { NotificationRules } from '../../src-shared/notifications/notifications'
import type { Db } from '../db/connection'
import { readSetting } from '../settings/settings'

/** A standing reading: accepted or billed, and not deleted. */
export const standingReading = `r.status IN ('accepted', 'billed')
  AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id)`

/** Every ledger movement of the replica as (account_id, signed kopecks): the sum is the balance. */
export const signedLedger = `
  SELECT account_id, amount FROM opening_balances
  UNION ALL SELECT account_id, amount FROM charges
  UNION ALL SELECT p.account_id, -p.amount FROM payments p
   WHERE NOT EXISTS (SELECT 1 FROM payment_cancellations x WHERE x.payment_id = p.id)`

/** The rules in force today: the period readings count for and the debt threshold. */
export function notificationRules(db: Db, today: string): NotificationRules {
  const cutoff = readSetting(db, 'readingCutoffDay', today)
  return {
    today,
    currentPeriod: readingPeriod(today, cutoff).period,
    debtThreshold: readSetting(db, 'debtAlertThreshold', today),
    callBackHours: readSetting(db, 'serviceCallBackHours', today),
    appealDueSoonDays: readSetting(db, 'appealDueSoonDays', today),
  }
}
