import { sql } from 'drizzle-orm'
import { verifyPasswordAsync } from '../../src-main/operators/password'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'

/**
 * The active operator of the workstation's branch (or one without an office) with this login and
 * password on the server, or null.
 */
export async function operatorWithPassword(
  db: ServerDb,
  branchId: string,
  login: string,
  password: string,
): Promise<{ id: string; passwordHash: string } | null> {
  const operator = await queryRow<{ id: string; passwordHash: string }>(
    db,
    sql`SELECT o.id, o.password_hash AS "passwordHash" FROM operators o
          LEFT JOIN offices f ON f.id = o.office_id
         WHERE lower(o.login) = lower(${login}) AND o.active = 1 AND o.deleted_at IS NULL
           AND (o.office_id IS NULL OR f.branch_id = ${branchId})`,
  )
  return operator && (await verifyPasswordAsync(password, operator.passwordHash)) ? operator : null
}
