import { sql } from 'drizzle-orm'
import type { ServerDb } from '../db/connection'
import { mirrorTables, type SyncedTableName } from '../db/schema'
import { allocateVersions } from './versions'

export type Row = Record<string, unknown>

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Writes synced rows inside the caller's transaction, each with its own version from the branch
 * counter (null branch = global), and remembers the last version written.
 */
export class SyncedWriter {
  lastVersion: number | null = null

  constructor(
    readonly tx: ServerDb,
    readonly branchId: string | null,
  ) {}

  private async versions(n: number, branchId: string | null): Promise<number> {
    const last = await allocateVersions(this.tx, branchId, n)
    if (branchId === this.branchId) this.lastVersion = last
    return last - n + 1
  }

  /** Inserts rows (camelCase keys); `branchId` overrides the writer's branch (global rows). */
  async insert(table: SyncedTableName, rows: Row[], branchId = this.branchId): Promise<void> {
    if (rows.length === 0) return
    const first = await this.versions(rows.length, branchId)
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
    for (let i = 0; i < values.length; i += 5000) {
      await this.tx.execute(
        sql`INSERT INTO ${target} (${list})
            SELECT ${list} FROM json_populate_recordset(NULL::${target}, ${JSON.stringify(values.slice(i, i + 5000))}::json)`,
      )
    }
  }

  /** Updates one row by id with a new version, so pulls carry the change. */
  async update(table: SyncedTableName, id: string, set: Row): Promise<void> {
    const version = await this.versions(1, this.branchId)
    const target = mirrorTables[table] as unknown as { id: never }
    await this.tx
      .update(mirrorTables[table])
      .set({ ...set, syncVersion: version } as never)
      .where(sql`${target.id} = ${id}`)
  }
}
