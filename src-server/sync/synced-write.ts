import { sql } from 'drizzle-orm'
import type { ServerDb } from '../db/connection'
import { mirrorTables, type SyncedTableName } from '../db/schema'
import { allocateVersions } from './versions'

export type Row = Record<string, unknown>

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
    const values = rows.map((row, i) => ({ ...row, branchId, syncVersion: first + i }))
    await this.tx.insert(mirrorTables[table]).values(values as never)
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
