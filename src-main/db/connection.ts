import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }
export type Sqlite = Database.Database

export function applyPragmas(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL')
  // NORMAL can lose acknowledged payments on power loss.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
}

export function wrap(sqlite: Sqlite): Db {
  return drizzle(sqlite, { schema, casing: 'snake_case' })
}

export function openSqlite(file: string, options: { readonly?: boolean } = {}): Sqlite {
  const sqlite = new Database(file, { readonly: options.readonly ?? false })
  if (!options.readonly) applyPragmas(sqlite)
  return sqlite
}
