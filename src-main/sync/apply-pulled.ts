import type { Statement } from 'better-sqlite3'
import { duplicateNumberSuffix } from '../../src-shared/sync/messages'
import type { PulledRow, SyncCursor } from '../../src-shared/sync/protocol'
import { indexAccount, nextSearchKey } from '../accounts/search-index'
import type { Db } from '../db/connection'
import { syncedTableNames, tableKey, type SyncedTableName } from './synced-tables'

interface TableWriter {
  columns: Set<string>
  key: string[]
  upserts: Map<string, Statement>
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
        `DELETE FROM ${table} WHERE ${key.map((k) => `${k} = @${k}`).join(' AND ')}`,
      ),
    }
    perDb.set(table, w)
  }
  return w
}

/** An upsert for the exact set of columns a row carries (a newer server may send more). */
function upsert(db: Db, table: SyncedTableName, w: TableWriter, cols: string[]): Statement {
  const signature = cols.join(',')
  let statement = w.upserts.get(signature)
  if (!statement) {
    const update = cols.filter((c) => !w.key.includes(c))
    const extra = table === 'accounts' ? ', search_key' : ''
    const extraValue = table === 'accounts' ? ', @search_key' : ''
    statement = db.$client.prepare(
      `INSERT INTO ${table} (${signature}${extra}) VALUES (${cols.map((c) => `@${c}`).join(', ')}${extraValue})
       ON CONFLICT (${w.key.join(', ')}) DO ${
         update.length > 0
           ? `UPDATE SET ${update.map((c) => `${c} = excluded.${c}`).join(', ')}`
           : 'NOTHING'
       }`,
    )
    w.upserts.set(signature, statement)
  }
  return statement
}

const knownTables = new Set<string>(syncedTableNames)

/**
 * Stores a pulled page and the new cursor in one SQLite transaction: after a crash either both are
 * there or neither. The cursor only moves forward. Accounts whose search terms may have changed
 * are re-indexed, unless a bootstrap rebuilds the whole index at its end.
 */
export function applyPulledPage(
  db: Db,
  rows: PulledRow[],
  /** null for a one-table re-pull: its versions say nothing about the other tables. */
  cursor: SyncCursor | null,
  options: { reindex: boolean; now: string },
): void {
  const sqlite = db.$client
  sqlite.transaction(() => {
    // Parents and children arrive in version order, but a page may end between them.
    sqlite.pragma('defer_foreign_keys = ON')
    const touched = new Set<string>()
    let nextKey: number | null = null
    const searchKeyOf = sqlite.prepare('SELECT search_key AS k FROM accounts WHERE id = ?')
    const sameNumber = sqlite.prepare(
      'SELECT id FROM accounts WHERE number = @number AND id <> @id',
    )
    const holderOf = sqlite.prepare('SELECT id FROM accounts WHERE holder_id = ?')
    for (const { t, r, d } of rows) {
      if (!knownTables.has(t)) continue
      const table = t as SyncedTableName
      const w = writerFor(db, table)
      const row: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(r)) if (w.columns.has(k)) row[k] = v
      if (d) {
        w.remove.run(Object.fromEntries(w.key.map((k) => [k, row[k]])))
        continue
      }
      if (table === 'accounts') {
        const existing = searchKeyOf.get(row.id) as { k: number } | undefined
        nextKey ??= nextSearchKey(db)
        row.search_key = existing?.k ?? nextKey++
        touched.add(row.id as string)
        // The server registered this number first: a local account with it came from a command
        // the server rejected. It stays, marked, for the supervisor who resolves the rejection.
        const clash = sameNumber.get({ number: row.number, id: row.id }) as
          { id: string } | undefined
        if (clash) {
          sqlite
            .prepare('UPDATE accounts SET number = number || @suffix WHERE id = @id')
            .run({ id: clash.id, suffix: duplicateNumberSuffix })
          touched.add(clash.id)
        }
      }
      if (table === 'meters') touched.add(row.account_id as string)
      if (table === 'customers' && options.reindex) {
        for (const a of holderOf.all(row.id) as { id: string }[]) touched.add(a.id)
      }
      upsert(
        db,
        table,
        w,
        Object.keys(row).filter((k) => k !== 'search_key'),
      ).run(row)
    }
    if (options.reindex) for (const id of touched) indexAccount(db, id)
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
  })()
}
