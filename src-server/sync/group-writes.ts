import { sql } from 'drizzle-orm'
import { snake } from '../../src-node/sync/synced-tables'
import type { ServerDb } from '../db/connection'
import type { SyncedTableName } from '../db/schema'
import type { RowLookup } from '../commands/lookups'
import { insertRows, type Row } from './synced-write'
import type { HeldCounters } from './versions'

/** Rows per statement, as a writer's chunks. */
const CHUNK = 5000

interface Buffered {
  table: SyncedTableName
  branchId: string | null
  upsert: boolean
  /** Snake-case columns, with the row's version as `sync_version`. */
  row: Row
}

/**
 * The synced rows that the commands of one pushed group insert, written once per table (and
 * column list) instead of once per command: one statement for a group's 64 new accounts, not 64.
 * Only commands whose checks the group answers (see GroupChecks) queue here: they read nothing
 * between their checks and their writes, so their rows may wait until the group sends them, which
 * it does before anything reads again. Each row keeps the version it took when queued, so versions
 * still follow the order of the commands. It also remembers every row it was given, so a later
 * command's check can count them (`holds`), and the tables a command changed otherwise
 * (`changed`), where a check answered before the group's writes no longer stands.
 */
export class GroupWrites {
  private buffered: Buffered[] = []
  private readonly inserted = new Map<SyncedTableName, Buffered[]>()
  private readonly changedTables = new Set<SyncedTableName>()

  constructor(
    private readonly tx: ServerDb,
    private readonly held: HeldCounters,
  ) {}

  /** Queues rows (camelCase keys) with the versions `first`, `first + 1`, ... */
  add(
    table: SyncedTableName,
    rows: Row[],
    branchId: string | null,
    first: number,
    upsert: boolean,
  ): void {
    // An upsert may change a row already there: checks of its table are asked again.
    if (upsert) this.changedTables.add(table)
    rows.forEach((row, i) => {
      const snaked: Row = {}
      for (const [k, v] of Object.entries(row)) snaked[snake(k)] = v
      snaked.sync_version = first + i
      const b = { table, branchId, upsert, row: snaked }
      this.buffered.push(b)
      if (upsert) return
      const same = this.inserted.get(table)
      if (same) same.push(b)
      else this.inserted.set(table, [b])
    })
  }

  /** A table changed by other than inserts here (an update, a tombstone, an upsert). */
  change(table: SyncedTableName): void {
    this.changedTables.add(table)
  }

  changed(table: SyncedTableName): boolean {
    return this.changedTables.has(table)
  }

  /** Whether a row this group inserted matches `lookup` (its columns, branch and liveness). */
  holds(lookup: RowLookup): boolean {
    const where = Object.entries(lookup.where).map(([k, v]) => [snake(k), v] as const)
    return (this.inserted.get(lookup.table) ?? []).some(
      (b) =>
        (!lookup.live || b.row.deleted_at == null) &&
        where.every(([column, value]) =>
          column === 'branch_id' ? b.branchId === value : b.row[column] === value,
        ),
    )
  }

  /**
   * Sends what is queued, one statement per table and column list (in the order each first came;
   * the server's tables have no foreign keys), as the held counters' deferred writes.
   */
  async send(): Promise<void> {
    if (this.buffered.length === 0) return
    const statements = new Map<string, { first: Buffered; rows: Row[] }>()
    for (const b of this.buffered) {
      const key = `${b.table}|${b.branchId ?? ''}|${b.upsert}|${Object.keys(b.row).join(',')}`
      const statement = statements.get(key) ?? { first: b, rows: [] }
      statement.rows.push(b.row)
      statements.set(key, statement)
    }
    this.buffered = []
    for (const { first, rows } of statements.values()) {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK)
        const write = this.tx.execute(
          insertRows(first.table, chunk, first.branchId, sql`r.sync_version`, first.upsert),
        )
        // Pipelined, the next statement queues behind it; else it is waited for here.
        if (this.held.deferWrites) this.held.defer(write)
        else await write
      }
    }
  }
}
