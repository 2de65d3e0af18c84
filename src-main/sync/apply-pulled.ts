import type { Statement } from 'better-sqlite3'
import { duplicateNumberSuffix } from '../../src-shared/sync/messages'
import type { PulledTable, SyncCursor } from '../../src-shared/sync/protocol'
import { indexAccount, nextSearchKey } from '../accounts/search-index'
import type { Db } from '../db/connection'
import { anySetAside, makeRoom, settableAside, takeBack, uniqueViolation } from './set-aside'
import { syncedTableNames, tableKey, type SyncedTableName } from '../../src-node/sync/synced-tables'

/** How the rows of one column list are stored (the server's list may be longer than ours). */
interface Upsert {
  /** Positions in the pulled values of the columns this replica has; null = all, as they are. */
  picks: number[] | null
  statement: Statement
  /** The same for BATCH rows at once: one call into SQLite instead of BATCH. */
  batch: Statement
  /** Positions of the key columns in the pulled values. */
  key: number[]
}

interface TableWriter {
  columns: Set<string>
  key: string[]
  upserts: Map<string, Upsert>
  remove: Statement
}

const writers = new WeakMap<Db, Map<string, TableWriter>>()

function writerFor(db: Db, table: SyncedTableName): TableWriter {
  let perDb = writers.get(db)
  if (!perDb) writers.set(db, (perDb = new Map()))
  let w = perDb.get(table)
  if (!w) {
    const info = db.$client.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]
    const key = tableKey(table)
    w = {
      columns: new Set(info.map((c) => c.name)),
      key,
      upserts: new Map(),
      remove: db.$client.prepare(
        `DELETE FROM ${table} WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`,
      ),
    }
    perDb.set(table, w)
  }
  return w
}

/**
 * The upsert for a pulled column list, with positional parameters: the pulled value arrays are
 * bound as they come (binding by name costs more than the insert itself).
 */
function upsertFor(db: Db, table: SyncedTableName, w: TableWriter, pulled: string[]): Upsert {
  const signature = pulled.join(',')
  let upsert = w.upserts.get(signature)
  if (!upsert) {
    const kept = pulled.filter((c) => w.columns.has(c) && c !== 'search_key')
    const update = kept.filter((c) => !w.key.includes(c))
    const targets = table === 'accounts' ? [...kept, 'search_key'] : kept
    const row = `(${targets.map(() => '?').join(', ')})`
    const statement = (rows: number) =>
      db.$client.prepare(
        `INSERT INTO ${table} (${targets.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}
         ON CONFLICT (${w.key.join(', ')}) DO ${
           update.length > 0
             ? `UPDATE SET ${update.map((c) => `${c} = excluded.${c}`).join(', ')}`
             : 'NOTHING'
         }`,
      )
    upsert = {
      picks: kept.length === pulled.length ? null : kept.map((c) => pulled.indexOf(c)),
      statement: statement(1),
      batch: statement(BATCH),
      key: w.key.map((k) => pulled.indexOf(k)),
    }
    w.upserts.set(signature, upsert)
  }
  return upsert
}

/** Rows per multi-row upsert (well under SQLite's limit of bound values). */
const BATCH = 64

const knownTables = new Set<string>(syncedTableNames)

interface PageOptions {
  reindex: boolean
  now: string
  keys?: (table: string, key: unknown[]) => void
}

/**
 * Stores a pulled page and the new cursor in one SQLite transaction: after a crash either both are
 * there or neither. The cursor only moves forward. Accounts whose search terms may have changed
 * are re-indexed, unless a bootstrap rebuilds the whole index at its end.
 *
 * Foreign keys are not enforced for pulled rows: the server is the source of truth, and a parent
 * changed after its child has a higher version, so it may come pages later (the replica's keys
 * guard local commands). `keys` hears the key of every row stored.
 */
export function applyPulledPage(
  db: Db,
  tables: PulledTable[],
  /** null for a one-table re-pull: its versions say nothing about the other tables. */
  cursor: SyncCursor | null,
  options: PageOptions,
): void {
  const sqlite = db.$client
  // Outside a transaction only; nothing else runs on this thread until it is on again.
  sqlite.pragma('foreign_keys = OFF')
  try {
    sqlite.transaction(() => storePage(db, tables, cursor, options))()
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
}

/** The values of a pulled row this replica stores, in the upsert's column order. */
const valuesOf = (upsert: Upsert, pulled: unknown[]) =>
  upsert.picks ? upsert.picks.map((i) => pulled[i]) : pulled

/** Runs one upsert; a unique column a local row of another id holds is made room on, then again. */
function storeOne(
  statement: Statement,
  values: unknown[],
  room: (error: unknown) => boolean,
): void {
  // Each retry moves at least one local row (else `room` rethrows): bounded by the unique columns.
  for (;;) {
    try {
      statement.run(values)
      return
    } catch (error) {
      if (!room(error)) throw error
    }
  }
}

/**
 * Upserts pulled rows BATCH at a time, the rest one by one; `each` hears every row. A batch that
 * breaks a unique column goes again row by row, `room` setting the local row aside (SQLite undoes
 * only the failed statement, the page's transaction goes on).
 */
function storeRows(
  upsert: Upsert,
  rows: unknown[][],
  each: (pulled: unknown[]) => void,
  room: (pulled: unknown[], error: unknown) => boolean,
): void {
  let i = 0
  for (; i + BATCH <= rows.length; i += BATCH) {
    const bound: unknown[] = []
    for (let k = i; k < i + BATCH; k++) {
      each(rows[k]!)
      for (const v of valuesOf(upsert, rows[k]!)) bound.push(v)
    }
    try {
      upsert.batch.run(bound)
    } catch (error) {
      if (!uniqueViolation(error)) throw error
      for (let k = i; k < i + BATCH; k++) {
        const pulled = rows[k]!
        storeOne(upsert.statement, valuesOf(upsert, pulled), (e) => room(pulled, e))
      }
    }
  }
  for (; i < rows.length; i++) {
    const pulled = rows[i]!
    each(pulled)
    storeOne(upsert.statement, valuesOf(upsert, pulled), (e) => room(pulled, e))
  }
}

function storePage(
  db: Db,
  tables: PulledTable[],
  cursor: SyncCursor | null,
  options: PageOptions,
): void {
  const sqlite = db.$client
  const touched = new Set<string>()
  let nextKey: number | null = null
  const searchKeyOf = sqlite.prepare('SELECT search_key AS k FROM accounts WHERE id = ?')
  const sameNumber = sqlite.prepare('SELECT id FROM accounts WHERE number = ? AND id <> ?')
  const holderOf = sqlite.prepare('SELECT id FROM accounts WHERE holder_id = ?')
  for (const { table: t, columns: c, rows, deleted: d } of tables) {
    if (!knownTables.has(t)) continue
    const table = t as SyncedTableName
    const w = writerFor(db, table)
    const upsert = upsertFor(db, table, w, c)
    const keyOf = (values: unknown[]) => upsert.key.map((i) => values[i])
    for (const values of d) w.remove.run(keyOf(values))
    const id = c.indexOf('id')
    const number = c.indexOf('number')
    const accountId = c.indexOf('account_id')
    // A local fact the server does not hold stands in the way of its row: it is set aside.
    const room = (pulled: unknown[], error: unknown) => {
      const clash = uniqueViolation(error)
      if (!clash || clash.table !== table) return false
      const row = Object.fromEntries(c.map((name, i) => [name, pulled[i]]))
      return makeRoom(db, table, clash.columns, row, options.now) > 0
    }
    // Rows set aside earlier that the server sends after all are its own: they come back.
    const takingBack = settableAside.has(table) && id >= 0 && anySetAside(db)
    if (table !== 'accounts') {
      storeRows(
        upsert,
        rows,
        (pulled) => {
          options.keys?.(table, keyOf(pulled))
          if (takingBack) takeBack(db, table, pulled[id])
          if (table === 'meters') touched.add(pulled[accountId] as string)
          if (table === 'customers' && options.reindex) {
            for (const a of holderOf.all(pulled[id]) as { id: string }[]) touched.add(a.id)
          }
        },
        room,
      )
      continue
    }
    for (const pulled of rows) {
      const values = valuesOf(upsert, pulled)
      options.keys?.(table, keyOf(pulled))
      const existing = searchKeyOf.get(pulled[id]) as { k: number } | undefined
      nextKey ??= nextSearchKey(db)
      values.push(existing?.k ?? nextKey++)
      touched.add(pulled[id] as string)
      // The server registered this number first: a local account with it came from a command
      // the server rejected. It stays, marked, for the supervisor who resolves the rejection.
      const clash = sameNumber.get(pulled[number], pulled[id]) as { id: string } | undefined
      if (clash) {
        sqlite
          .prepare('UPDATE accounts SET number = number || ? WHERE id = ?')
          .run(duplicateNumberSuffix, clash.id)
        touched.add(clash.id)
      }
      storeOne(upsert.statement, values, (e) => room(pulled, e))
    }
  }
  if (options.reindex) for (const accountId of touched) indexAccount(db, accountId)
  if (!cursor) return
  sqlite
    .prepare(
      `UPDATE sync_state SET cursor_branch = max(cursor_branch, @branch),
                             cursor_global = max(cursor_global, @global) WHERE id = 1`,
    )
    .run(cursor)
  // An acknowledged command is done once the pulled branch stream has passed its effect.
  sqlite
    .prepare(
      `UPDATE outbox SET status = 'done', done_at = @now
        WHERE status = 'sent'
          AND (server_version IS NULL
               OR server_version <= (SELECT cursor_branch FROM sync_state WHERE id = 1))`,
    )
    .run({ now: options.now })
}
