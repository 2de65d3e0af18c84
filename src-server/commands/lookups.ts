import { sql, type SQL } from 'drizzle-orm'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'

/** A live account of the branch (the query of an existence check). */
export const accountOfBranch = (accountId: string, branchId: string): SQL =>
  sql`SELECT 1 FROM accounts WHERE id = ${accountId} AND branch_id = ${branchId} AND deleted_at IS NULL`

/** A live office of the branch (the query of an existence check). */
export const officeOfBranch = (officeId: string, branchId: string): SQL =>
  sql`SELECT 1 FROM offices WHERE id = ${officeId} AND branch_id = ${branchId} AND deleted_at IS NULL`

/** A shift opened on this workstation (the query of an existence check). */
export const shiftOfWorkstation = (shiftId: string, workstationId: string): SQL =>
  sql`SELECT 1 FROM shifts WHERE id = ${shiftId} AND workstation_id = ${workstationId}
        AND deleted_at IS NULL`

/**
 * Several existence checks in one round trip: a pushed command's checks cost one query however
 * many there are.
 */
export async function exist<K extends string>(
  tx: ServerDb,
  checks: Record<K, SQL>,
): Promise<Record<K, boolean>> {
  const columns = Object.entries<SQL>(checks).map(
    ([name, query]) => sql`EXISTS (${query}) AS ${sql.identifier(name)}`,
  )
  return (await queryRow<Record<K, boolean>>(tx, sql`SELECT ${sql.join(columns, sql`, `)}`))!
}

/** A live account of the branch with its number and status, or undefined. */
export function accountInBranch(tx: ServerDb, accountId: string, branchId: string) {
  return queryRow<{ id: string; number: string; status: string }>(
    tx,
    sql`SELECT id, number, status FROM accounts
         WHERE id = ${accountId} AND branch_id = ${branchId} AND deleted_at IS NULL`,
  )
}
