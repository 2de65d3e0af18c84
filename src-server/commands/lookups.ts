import { sql } from 'drizzle-orm'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'

/** An account of the branch that may be written to, or undefined. */
export function accountInBranch(tx: ServerDb, accountId: string, branchId: string) {
  return queryRow<{ id: string; number: string; status: string }>(
    tx,
    sql`SELECT id, number, status FROM accounts
         WHERE id = ${accountId} AND branch_id = ${branchId} AND deleted_at IS NULL`,
  )
}

export function officeInBranch(tx: ServerDb, officeId: string, branchId: string) {
  return queryRow<{ id: string }>(
    tx,
    sql`SELECT id FROM offices WHERE id = ${officeId} AND branch_id = ${branchId} AND deleted_at IS NULL`,
  )
}
