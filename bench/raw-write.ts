import type { Database, Statement } from 'better-sqlite3'
import { uuidv7 } from 'uuidv7'
import type { CpuTime } from './timings'

/**
 * An INSERT of every column of `table`, by name (`@column`): the raw limit writes a copy of the
 * rows a save wrote, whatever columns the schema has today.
 */
export function insertEveryColumn(sqlite: Database, table: string): Statement {
  const names = (sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
    (c) => c.name,
  )
  return sqlite.prepare(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`,
  )
}

type Row = Record<string, unknown>

/** Rows to write, each with the INSERT of its table. */
export type RawRows = [Statement, Row][]

/**
 * The raw limit of a command's save: copies of the rows it wrote (new ids), its outbox row (a
 * sequence of its own) and its audit rows, written by bare prepared statements in one IMMEDIATE
 * transaction on the same file with the same pragmas.
 */
export function rawCommandWriter(sqlite: Database) {
  const begin = sqlite.prepare('BEGIN IMMEDIATE')
  const commit = sqlite.prepare('COMMIT')
  const outbox = insertEveryColumn(sqlite, 'outbox')
  const audit = insertEveryColumn(sqlite, 'audit_log')
  const lastOutbox = sqlite.prepare('SELECT * FROM outbox ORDER BY sequence DESC LIMIT 1')
  const auditOf = sqlite.prepare('SELECT * FROM audit_log WHERE command_id = ?')
  let sequence = 0
  return {
    /** The rows of the command just saved: `own` (already copied), its outbox and audit rows. */
    copyWith(own: RawRows): RawRows {
      const saved = lastOutbox.get() as Row
      return [
        ...own,
        [outbox, { ...saved, id: uuidv7(), sequence: --sequence }],
        ...(auditOf.all(saved.id) as Row[]).map((a): [Statement, Row] => [
          audit,
          { ...a, id: uuidv7() },
        ]),
      ]
    },
    /** Writes the rows in one transaction; answers its wall time, in ms. */
    write(rows: RawRows, cpu: CpuTime): number {
      cpu.start()
      const started = performance.now()
      begin.run()
      for (const [insert, row] of rows) insert.run(row)
      commit.run()
      const ms = performance.now() - started
      cpu.stop()
      return ms
    },
  }
}
