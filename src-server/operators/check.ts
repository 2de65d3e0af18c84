import { sql } from 'drizzle-orm'
import {
  hashPasswordAsync,
  needsRehash,
  verifyPasswordAsync,
} from '../../src-node/operators/password'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { SyncedWriter } from '../sync/synced-write'

/**
 * The active operator of the workstation's branch (or one without an office) with this login and
 * password on the server, or null. A hash made at an older scrypt cost is replaced by one at
 * today's (the workstations pull it like any change of the operator).
 */
export async function operatorWithPassword(
  db: ServerDb,
  branchId: string,
  login: string,
  password: string,
): Promise<{ id: string; passwordHash: string } | null> {
  const operator = await queryRow<{ id: string; passwordHash: string; branchId: string | null }>(
    db,
    sql`SELECT o.id, o.password_hash AS "passwordHash", f.branch_id AS "branchId"
          FROM operators o
          LEFT JOIN offices f ON f.id = o.office_id
         WHERE lower(o.login) = lower(${login}) AND o.active = 1 AND o.deleted_at IS NULL
           AND (o.office_id IS NULL OR f.branch_id = ${branchId})`,
  )
  if (!operator || !(await verifyPasswordAsync(password, operator.passwordHash))) return null
  if (!needsRehash(operator.passwordHash))
    return { id: operator.id, passwordHash: operator.passwordHash }
  const passwordHash = await hashPasswordAsync(password)
  await db.transaction(async (tx) => {
    // Only if nobody changed the password meanwhile.
    const same = await queryRow(
      tx,
      sql`SELECT 1 FROM operators WHERE id = ${operator.id}
           AND password_hash = ${operator.passwordHash} FOR UPDATE`,
    )
    if (same)
      await new SyncedWriter(tx, operator.branchId).update('operators', operator.id, {
        passwordHash,
      })
  })
  return { id: operator.id, passwordHash }
}
