import { officeDateTime } from '../../src-shared/documents/office-time'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { readSetting } from '../settings/settings'

/** Actions that move an account's version. */
export const versionedActions = ['account.register', 'account.edit', 'account.close']

/**
 * Who changed the account last and when ("20.11.2026 14:05"), for the conflict message. The
 * local audit log knows changes made at this workstation; a change pulled from the server is
 * known only by the account's update time.
 */
export function lastAccountChange(
  db: Db,
  accountId: string,
  updatedAt: string,
): { who: string | null; when: string } {
  const row = prepared(
    db.$client,
    `SELECT l.at, o.full_name AS who FROM audit_log l LEFT JOIN operators o ON o.id = l.operator_id
      WHERE l.account_id = ? AND l.action IN (${versionedActions.map((a) => `'${a}'`).join(', ')})
      ORDER BY l.at DESC LIMIT 1`,
  ).get(accountId) as { at: string; who: string | null } | undefined
  const at = row && row.at >= updatedAt ? row.at : updatedAt
  const timeZone = readSetting(db, 'officeTimeZone', at.slice(0, 10))
  return {
    who: row && row.at >= updatedAt ? row.who : null,
    when: officeDateTime(at, timeZone).dateTime,
  }
}
