import { sql, type SQL } from 'drizzle-orm'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import type { SyncedTableName } from '../db/schema'

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

/**
 * Moves tables' heads (their newest versions) up, one row per table: a statement may not touch a
 * row twice, and the last write of a table is its newest.
 */
export function headsUpsert(
  written: { branchId: string | null; table: SyncedTableName; version: SQL | number }[],
): SQL {
  const newest = new Map<string, SQL>()
  for (const w of written) {
    newest.set(
      `${branchKey(w.branchId)}|${w.table}`,
      sql`(${branchKey(w.branchId)}, ${w.table}, ${w.version})`,
    )
  }
  return sql`INSERT INTO table_heads (branch_key, table_name, version)
             VALUES ${sql.join([...newest.values()], sql`, `)}
             ON CONFLICT (branch_key, table_name)
             DO UPDATE SET version = GREATEST(table_heads.version, excluded.version)`
}

/**
 * The counters of one transaction that writes many commands (a pushed batch): each counter row
 * is locked once, on first use, versions are handed out in memory, and the counters and tables'
 * heads are stored once, before the commit, instead of a hot-row update per command. The lock is
 * held to the commit, so versions still follow commit order.
 */
export class HeldCounters {
  private readonly last = new Map<string, number>()
  private readonly heads = new Map<
    string,
    { branchId: string | null; table: SyncedTableName; version: number }
  >()

  private readonly sent: Promise<void>[] = []
  private failure: { error: unknown } | null = null

  constructor(
    private readonly tx: ServerDb,
    /**
     * The connection pipelines (PostgreSQL): a command's writes need not be waited for, since
     * the next command's checks are queued behind them on the same connection and see them.
     */
    readonly deferWrites = false,
  ) {}

  /** A write sent now and waited for in `settle`; its failure fails the batch there. */
  defer(write: PromiseLike<unknown>): void {
    // `then` here, not later: drizzle's query starts on it, so writes go out in program order.
    const settled = write.then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error }
      },
    )
    this.sent.push(Promise.resolve(settled))
  }

  /** Waits for the deferred writes; throws the first one's failure. */
  async settle(): Promise<void> {
    await Promise.all(this.sent)
    if (this.failure) throw this.failure.error
  }

  /** Takes `n` versions of the branch's stream and returns the last. */
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

  noteHead(branchId: string | null, table: SyncedTableName, version: number): void {
    this.heads.set(`${branchKey(branchId)}|${table}`, { branchId, table, version })
  }

  /** What stores the counters and heads (nothing when nothing was written). */
  statements(): SQL[] {
    if (this.last.size === 0) return []
    return [
      ...[...this.last].map(
        ([key, version]) =>
          sql`UPDATE branch_versions SET version = ${version} WHERE branch_key = ${key}`,
      ),
      headsUpsert([...this.heads.values()]),
    ]
  }
}
