import { sql } from 'drizzle-orm'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'

/** The counter key of a branch; global rows count on their own. */
export const branchKey = (branchId: string | null) => branchId ?? ''

/**
 * Takes `n` versions from the branch's counter inside the caller's transaction and returns the
 * last. The row stays locked until commit, so a later writer gets higher versions only after this
 * one is visible: versions follow commit order.
 */
export async function allocateVersions(
  tx: ServerDb,
  branchId: string | null,
  n: number,
): Promise<number> {
  const row = await queryRow<{ version: number }>(
    tx,
    sql`INSERT INTO branch_versions (branch_key, version) VALUES (${branchKey(branchId)}, ${n})
        ON CONFLICT (branch_key) DO UPDATE SET version = branch_versions.version + ${n}
        RETURNING version`,
  )
  return Number(row!.version)
}

/** The newest committed version of a branch (0 before its first write). */
export async function headVersion(db: ServerDb, branchId: string | null): Promise<number> {
  const row = await queryRow<{ version: number }>(
    db,
    sql`SELECT version FROM branch_versions WHERE branch_key = ${branchKey(branchId)}`,
  )
  return row ? Number(row.version) : 0
}
