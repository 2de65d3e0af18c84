import { SQL, sql } from 'drizzle-orm'
import { snake } from '../../src-node/sync/synced-tables'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import type { SyncedTableName } from '../db/schema'

/**
 * Whether a row with these column values (camelCase; `branchId` the server's scope) exists, and
 * is live when `live`: a check a pushed group answers for all its commands in one query.
 */
export interface RowLookup {
  table: SyncedTableName
  where: Record<string, string | number>
  live: boolean
}

/** The SQL of an existence check (for a query of its own or a group's). */
export function lookupSql(lookup: RowLookup): SQL {
  const where = Object.entries(lookup.where).map(
    ([k, v]) => sql`${sql.identifier(snake(k))} = ${v}`,
  )
  if (lookup.live) where.push(sql`deleted_at IS NULL`)
  return sql`SELECT 1 FROM ${sql.identifier(lookup.table)} WHERE ${sql.join(where, sql` AND `)}`
}

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
  checks: Record<K, SQL | RowLookup>,
): Promise<Record<K, boolean>> {
  const columns = Object.entries<SQL | RowLookup>(checks).map(
    ([name, query]) =>
      sql`EXISTS (${query instanceof SQL ? query : lookupSql(query)}) AS ${sql.identifier(name)}`,
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
