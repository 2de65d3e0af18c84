import { sql } from 'drizzle-orm'
import { verifyPasswordAsync } from '../../src-main/operators/password'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'

/**
 * Whether an active operator of the workstation's branch (or one without an office) has this
 * login and password on the server.
 */
export async function operatorPasswordValid(
  db: ServerDb,
  branchId: string,
  login: string,
  password: string,
): Promise<boolean> {
  const operator = await queryRow<{ passwordHash: string }>(
    db,
    sql`SELECT o.password_hash AS "passwordHash" FROM operators o
          LEFT JOIN offices f ON f.id = o.office_id
         WHERE lower(o.login) = lower(${login}) AND o.active = 1 AND o.deleted_at IS NULL
           AND (o.office_id IS NULL OR f.branch_id = ${branchId})`,
  )
  return !!operator && (await verifyPasswordAsync(password, operator.passwordHash))
}
