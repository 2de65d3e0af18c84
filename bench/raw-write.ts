import type { Database, Statement } from 'better-sqlite3'

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
