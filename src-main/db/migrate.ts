import { readMigrationFiles } from 'drizzle-orm/migrator'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { backupDatabase } from './backup'
import { wrap, type Sqlite } from './connection'

export class DatabaseTooNewError extends Error {
  constructor() {
    super(
      'База данных создана более новой версией программы. Обновите программу: старая версия не будет изменять эти данные.',
    )
  }
}

export class MigrationIntegrityError extends Error {
  constructor(
    readonly violations: unknown[],
    readonly backupFile: string | null,
  ) {
    super(
      `Обновление базы данных нарушило связи между записями (${violations.length}). База возвращена из резервной копии.`,
    )
  }
}

export interface MigrationOutcome {
  applied: number
  backupFile: string | null
}

function appliedMigrations(sqlite: Sqlite): number[] {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get()
  if (!table) return []
  return sqlite
    .prepare('SELECT created_at AS createdAt FROM __drizzle_migrations')
    .all()
    .map((r) => Number((r as { createdAt: number }).createdAt))
}

function hasUserTables(sqlite: Sqlite): boolean {
  return Boolean(
    sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .get(),
  )
}

/**
 * Brings the replica to the app's schema, safely:
 * refuses a database made by a newer app, backs the file up first, and keeps foreign keys off
 * around drizzle's migrate() (it runs in one transaction, where SQLite ignores the pragma, so a
 * table rebuild could cascade-delete child rows), then checks them before turning them back on.
 * On a violation the caller restores `backupFile` (see openReplica).
 */
export function migrateDatabase(
  sqlite: Sqlite,
  options: { migrationsFolder: string; backupDir: string; now?: Date },
): MigrationOutcome {
  const known = readMigrationFiles({ migrationsFolder: options.migrationsFolder })
  const knownMillis = new Set(known.map((m) => m.folderMillis))
  const applied = appliedMigrations(sqlite)
  if (applied.some((millis) => !knownMillis.has(millis))) throw new DatabaseTooNewError()
  const last = applied.length > 0 ? Math.max(...applied) : -1
  const pending = known.filter((m) => m.folderMillis > last)
  if (pending.length === 0) return { applied: 0, backupFile: null }

  const backupFile = hasUserTables(sqlite)
    ? backupDatabase(sqlite, options.backupDir, 'before-migration', options.now)
    : null
  sqlite.pragma('foreign_keys = OFF')
  try {
    migrate(wrap(sqlite), { migrationsFolder: options.migrationsFolder })
    const violations = sqlite.pragma('foreign_key_check') as unknown[]
    if (violations.length > 0) throw new MigrationIntegrityError(violations, backupFile)
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
  return { applied: pending.length, backupFile }
}
