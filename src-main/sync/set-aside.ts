import { uuidv7 } from 'uuidv7'
import { duplicateNumberSuffix } from '../../src-shared/sync/messages'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/**
 * A pulled row met a local row of another id on a unique column: the local row is a fact the
 * server does not hold (its command was rejected, or will be), and the server's row must land.
 *
 * Facts nothing else points at (a cancellation, a reading's deletion, a payment with its lines and
 * cancellation) leave their table for `set_aside_rows`, kept whole: they count in no balance, and
 * the sync screen shows them with the server's reason. Rows other rows point at (an account, an
 * operator, a workstation, a branch) stay where they are under a marked value, so nothing that
 * refers to them breaks; a supervisor resolves the rejected command that made them.
 */

/** The table and columns SQLite names in "UNIQUE constraint failed: t.a, t.b"; else null. */
export function uniqueViolation(error: unknown): { table: string; columns: string[] } | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' || typeof message !== 'string') return null
  const named = /UNIQUE constraint failed: (.+)$/.exec(message)?.[1]
  if (!named) return null
  const parts = named.split(',').map((p) => p.trim().split('.'))
  const table = parts[0]![0]!
  if (parts.some((p) => p[0] !== table || p.length !== 2)) return null
  return { table, columns: parts.map((p) => p[1]!) }
}

/**
 * The constraint name of a cancellation the server refused while the clerk waited (see
 * payments/cancel-online): set aside like the others, but its refund never left the drawer.
 */
export const REFUSED_AT_ONCE = 'refused_at_once'

/** Rows that leave with a set-aside row: its own parts, meaningless without it. */
const ownedRows: Record<string, { table: string; column: string }[]> = {
  payments: [
    { table: 'payment_lines', column: 'payment_id' },
    { table: 'payment_cancellations', column: 'payment_id' },
  ],
}

/** Rows other rows refer to: marked in place instead of moved. */
const markedTables = new Set(['accounts', 'operators', 'workstations', 'branches'])

type Row = Record<string, unknown>

/**
 * Makes room for the server's row `pulled` of `table` on `columns`: each local row holding the
 * same values under another id is set aside (or marked). Runs inside the page's transaction.
 * Returns how many local rows made room (0: the violation was not a local row's doing).
 */
export function makeRoom(
  db: Db,
  table: string,
  columns: string[],
  pulled: Row,
  at: string,
): number {
  const sqlite = db.$client
  const where = columns.map((c) => `${c} = ?`).join(' AND ')
  const locals = sqlite
    .prepare(`SELECT * FROM ${table} WHERE ${where} AND id IS NOT ?`)
    .all(...columns.map((c) => pulled[c]), pulled.id) as Row[]
  const constraint = `${table}.${columns.join(',')}`
  for (const local of locals) {
    if (markedTables.has(table)) {
      // Only text columns can be marked; a clash on others is the next retry's error.
      const set = columns.map((c) => `${c} = ${c} || ?`).join(', ')
      sqlite
        .prepare(`UPDATE ${table} SET ${set} WHERE id = ?`)
        .run(...columns.map(() => duplicateNumberSuffix), local.id)
      continue
    }
    setAside(db, table, local, constraint, pulled.id as string | null, at)
  }
  return locals.length
}

/** The outbox entry that made row `id`: the first one whose arguments name it. */
function commandOf(db: Db, id: string): string | null {
  const row = prepared(
    db.$client,
    'SELECT id FROM outbox WHERE instr(args, ?) > 0 ORDER BY sequence LIMIT 1',
  ).get(JSON.stringify(id)) as { id: string } | undefined
  return row?.id ?? null
}

/** Moves a local row (and the rows it owns) out of its table into set_aside_rows. */
export function setAside(
  db: Db,
  table: string,
  row: Row,
  constraint: string,
  serverRowId: string | null,
  at: string,
): void {
  const sqlite = db.$client
  const dependents: Record<string, Row[]> = {}
  for (const owned of ownedRows[table] ?? []) {
    const rows = sqlite
      .prepare(`SELECT * FROM ${owned.table} WHERE ${owned.column} = ?`)
      .all(row.id) as Row[]
    if (rows.length === 0) continue
    dependents[owned.table] = rows
    sqlite.prepare(`DELETE FROM ${owned.table} WHERE ${owned.column} = ?`).run(row.id)
  }
  sqlite.prepare(`DELETE FROM ${table} WHERE id = ?`).run(row.id)
  prepared(
    sqlite,
    `INSERT INTO set_aside_rows (id, table_name, row_id, row, dependents, constraint_name,
                                 server_row_id, command_id, set_aside_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    uuidv7(),
    table,
    row.id,
    JSON.stringify(row),
    Object.keys(dependents).length > 0 ? JSON.stringify(dependents) : null,
    constraint,
    serverRowId,
    commandOf(db, String(row.id)),
    at,
  )
}

/** Tables whose rows may be set aside (the pull checks their rows against set_aside_rows). */
export const settableAside = new Set([
  'payments',
  'payment_cancellations',
  'reading_deletions',
  'payment_lines',
])

/** Whether anything is set aside at all: the pull's fast path skips the checks below. */
export function anySetAside(db: Db): boolean {
  return prepared(db.$client, 'SELECT EXISTS (SELECT 1 FROM set_aside_rows)').pluck().get() === 1
}

/**
 * The server sent row `id` of `table` after all: it holds it, so it was never a rejected fact.
 * Its entry goes, and the rows that left with it come back (the server's copies, when they come,
 * overwrite them).
 */
export function takeBack(db: Db, table: string, id: unknown): void {
  const sqlite = db.$client
  const entries = prepared(
    sqlite,
    'SELECT id, dependents FROM set_aside_rows WHERE table_name = ? AND row_id = ?',
  ).all(table, id) as { id: string; dependents: string | null }[]
  for (const entry of entries) {
    const dependents = entry.dependents
      ? (JSON.parse(entry.dependents) as Record<string, Row[]>)
      : {}
    for (const [child, rows] of Object.entries(dependents)) {
      for (const r of rows) {
        const names = Object.keys(r)
        sqlite
          .prepare(
            `INSERT OR IGNORE INTO ${child} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
          )
          .run(...names.map((n) => r[n]))
      }
    }
    prepared(sqlite, 'DELETE FROM set_aside_rows WHERE id = ?').run(entry.id)
  }
}
