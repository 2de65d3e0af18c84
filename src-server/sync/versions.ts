import { sql } from 'drizzle-orm'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'

/** The counter key of a branch; global rows count on their own. */
export const branchKey = (branchId: string | null) => branchId ?? ''

/** The newest committed version of a branch (0 before its first write). */
export async function headVersion(db: ServerDb, branchId: string | null): Promise<number> {
  const row = await queryRow<{ version: number }>(
    db,
    sql`SELECT version FROM branch_versions WHERE branch_key = ${branchKey(branchId)}`,
  )
  return row ? Number(row.version) : 0
}
