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

/** Where a writer takes its versions: the counter row itself, or counters a batch holds. */
export interface VersionSource {
  /** Takes `n` versions of the branch's stream and returns the last. */
  take(branchId: string | null, n: number): Promise<number>
}

export const counterVersions = (tx: ServerDb): VersionSource => ({
  take: (branchId, n) => allocateVersions(tx, branchId, n),
})

/**
 * The counters of one transaction that writes many commands: each counter row is locked once,
 * on first use, versions are handed out in memory, and `write()` stores the last ones before the
 * commit. The lock is held to the commit, so versions still follow commit order.
 */
export class HeldCounters implements VersionSource {
  private readonly last = new Map<string, number>()

  constructor(private readonly tx: ServerDb) {}

  async take(branchId: string | null, n: number): Promise<number> {
    const key = branchKey(branchId)
    let last = this.last.get(key)
    if (last === undefined) {
      const row = await queryRow<{ version: number }>(
        this.tx,
        sql`INSERT INTO branch_versions (branch_key, version) VALUES (${key}, 0)
            ON CONFLICT (branch_key) DO UPDATE SET version = branch_versions.version
            RETURNING version`,
      )
      last = Number(row!.version)
    }
    last += n
    this.last.set(key, last)
    return last
  }

  /** The statements that store the counters (none when nothing was written). */
  updates() {
    return [...this.last].map(
      ([key, version]) =>
        sql`UPDATE branch_versions SET version = ${version} WHERE branch_key = ${key}`,
    )
  }
}
