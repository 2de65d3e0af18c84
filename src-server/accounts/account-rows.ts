import { sql } from 'drizzle-orm'
import type { AccountStatus, Service } from '../../src-shared/accounts/domain'
import { accountMessages } from '../../src-shared/accounts/messages'
import { officeDateTime } from '../../src-shared/documents/office-time'
import { syncMessages } from '../../src-shared/sync/messages'
import { reject } from '../commands/server-command'
import type { ServerDb } from '../db/connection'
import { queryRow, queryRows } from '../db/query'
import { settingsOn } from '../settings/settings'
import type { SyncedWriter } from '../sync/synced-write'

export interface LockedAccount {
  id: string
  holderId: string
  version: number
  status: AccountStatus
  closedAt: string | null
}

/**
 * The account of the branch, its row locked until the command commits: two edits of one account
 * pushed at the same time by two workstations are applied one after the other, the second one
 * seeing the version the first one wrote.
 */
export async function lockAccount(
  tx: ServerDb,
  accountId: string,
  branchId: string,
): Promise<LockedAccount> {
  const row = await queryRow<LockedAccount>(
    tx,
    sql`SELECT id, holder_id AS "holderId", version, status, closed_at AS "closedAt"
          FROM accounts WHERE id = ${accountId} AND branch_id = ${branchId} AND deleted_at IS NULL
           FOR UPDATE`,
  )
  if (!row) reject(syncMessages.accountNotFound)
  return { ...row, version: Number(row.version) }
}

/**
 * Refuses a command made on a version of the account the server has moved past, naming the
 * operator and time of the command that moved it (from the server's command record).
 */
export async function assertServerVersion(
  tx: ServerDb,
  account: LockedAccount,
  expected: number,
): Promise<void> {
  if (account.version === expected) return
  const last = await queryRow<{ at: string; who: string | null }>(
    tx,
    sql`SELECT c.at, o.full_name AS who FROM applied_commands c
          LEFT JOIN operators o ON o.id = c.operator_id
         WHERE c.status = 'applied' AND c.name IN ('account.edit', 'account.close')
           AND c.args ->> 'accountId' = ${account.id}
         ORDER BY c.at DESC LIMIT 1`,
  )
  let when: string | null = null
  if (last) {
    const timeZone = (await settingsOn(tx, last.at.slice(0, 10)))('officeTimeZone')
    when = officeDateTime(last.at, timeZone).dateTime
  }
  reject(accountMessages.versionConflict(last?.who ?? null, when))
}

/**
 * Sets the account's services to `list`: a dropped service is a tombstone (pulled as a deletion),
 * an added or re-added one is (re)written; each change with its own branch version.
 */
export async function replaceAccountServices(
  write: SyncedWriter,
  accountId: string,
  list: { service: Service; supplierId: string }[],
  at: string,
): Promise<void> {
  const rows = await queryRows<{ service: string; supplierId: string }>(
    write.tx,
    sql`SELECT service, supplier_id AS "supplierId" FROM account_services
         WHERE account_id = ${accountId} AND deleted_at IS NULL`,
  )
  for (const row of rows) {
    if (list.some((s) => s.service === row.service)) continue
    await write.remove('account_services', { accountId, service: row.service }, at)
  }
  const changed = list.filter(
    (s) => !rows.some((r) => r.service === s.service && r.supplierId === s.supplierId),
  )
  await write.upsert(
    'account_services',
    changed.map((s) => ({ accountId, ...s })),
  )
}
