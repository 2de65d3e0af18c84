import type { Database, Statement } from 'better-sqlite3'

// Per connection, by SQL text: on hot paths preparing costs more than running the query.
const cache = new WeakMap<Database, Map<string, Statement>>()

/**
 * The connection's prepared statement for `sql`, prepared on first use. It comes back in its
 * default mode: a caller that plucked it must not change what the next caller's rows look like.
 */
export function prepared(sqlite: Database, sql: string): Statement {
  let statements = cache.get(sqlite)
  if (!statements) cache.set(sqlite, (statements = new Map()))
  let statement = statements.get(sql)
  if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)))
  else if (statement.reader) statement.pluck(false)
  return statement
}
