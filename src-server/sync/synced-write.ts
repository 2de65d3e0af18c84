import { sql, type SQL } from 'drizzle-orm'
import { snake } from '../../src-main/sync/synced-tables'
import type { ServerDb } from '../db/connection'
import { mirrorTables, type SyncedTableName } from '../db/schema'
import { counterVersions, type VersionSource } from './versions'

export type Row = Record<string, unknown>

interface Pending {
  table: SyncedTableName
  rows: Row[]
  branchId: string | null
}

/**
 * Collects a command's (or an admin write's) synced rows and writes them at `flush`, inside the
 * caller's transaction, each with its own version from its branch's counter (null = global). A
 * refusal before the flush writes nothing, so no savepoint is needed; one counter update per
 * branch takes the versions for all rows.
 */
export class SyncedWriter {
  lastVersion: number | null = null
  private pending: Pending[] = []

  constructor(
    readonly tx: ServerDb,
    readonly branchId: string | null,
    private readonly versions: VersionSource = counterVersions(tx),
  ) {}

  /** Queues rows (camelCase keys); `branchId` overrides the writer's branch (global rows). */
  async insert(table: SyncedTableName, rows: Row[], branchId = this.branchId): Promise<void> {
    if (rows.length > 0) this.pending.push({ table, rows, branchId })
  }

  /** Updates one row by id with a new version, so pulls carry the change (written at once). */
  async update(table: SyncedTableName, id: string, set: Row): Promise<void> {
    await this.flush()
    const version = await this.versions.take(this.branchId, 1)
    this.lastVersion = version
    const target = mirrorTables[table] as unknown as { id: never }
    await this.tx
      .update(mirrorTables[table])
      .set({ ...set, syncVersion: version } as never)
      .where(sql`${target.id} = ${id}`)
  }

  /** Writes what is queued; versions follow the order rows were queued in. */
  async flush(): Promise<void> {
    const pending = this.pending
    this.pending = []
    const next = new Map<string | null, number>()
    for (const branchId of new Set(pending.map((p) => p.branchId))) {
      const n = pending
        .filter((p) => p.branchId === branchId)
        .reduce((s, p) => s + p.rows.length, 0)
      const last = await this.versions.take(branchId, n)
      if (branchId === this.branchId) this.lastVersion = last
      next.set(branchId, last - n + 1)
    }
    const statements: SQL[] = []
    for (const p of pending) {
      const first = next.get(p.branchId)!
      next.set(p.branchId, first + p.rows.length)
      statements.push(...this.inserts(p.table, p.rows, p.branchId, first))
    }
    // A command's few inserts go as one statement (data-modifying CTEs): one round trip.
    for (let i = 0; i < statements.length; i += 8) {
      const group = statements.slice(i, i + 8)
      const ctes = group.slice(0, -1).map((q, k) => sql`${sql.raw(`w${k}`)} AS (${q})`)
      await this.tx.execute(
        ctes.length === 0 ? group[0]! : sql`WITH ${sql.join(ctes, sql`, `)} ${group.at(-1)!}`,
      )
    }
  }

  private inserts(table: SyncedTableName, rows: Row[], branchId: string | null, first: number) {
    const columns = new Set<string>(['branch_id', 'sync_version'])
    const values = rows.map((row, i) => {
      const out: Row = { branch_id: branchId, sync_version: first + i }
      for (const [k, v] of Object.entries(row)) {
        const column = snake(k)
        columns.add(column)
        out[column] = v
      }
      return out
    })
    // One JSON parameter per chunk: far cheaper than a bind parameter per value.
    const list = sql.raw([...columns].map((c) => `"${c}"`).join(', '))
    const target = sql.identifier(table)
    const statements: SQL[] = []
    for (let i = 0; i < values.length; i += 5000) {
      statements.push(
        sql`INSERT INTO ${target} (${list})
            SELECT ${list} FROM json_populate_recordset(NULL::${target}, ${JSON.stringify(values.slice(i, i + 5000))}::json)`,
      )
    }
    return statements
  }
}
