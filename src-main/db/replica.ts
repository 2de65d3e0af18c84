import { dirname, join } from 'node:path'
import { uuidv7 } from 'uuidv7'
import { ensureOwnerOnlyFile, ownerOnlyFile, ownerOnlyFolder } from '../files/owner-only'
import { openSqlite, wrap, type Db } from './connection'
import { attachReplicaKey, loadReplicaKey, type KeyProtector } from './replica-key'
import { restoreDatabase } from './backup'
import { MigrationIntegrityError, migrateDatabase } from './migrate'
import { migrationsFolder } from './paths'
import { deviceState } from './schema'

export interface ReplicaOptions {
  file: string
  /** Defaults to resources/migrations of this checkout (or the app's resources). */
  migrationsFolder?: string
  now?: Date
  /** The desktop's keychain for the replica's key file (none: an owner-only plain key file). */
  keyProtector?: KeyProtector
}

/** Opens (creating if needed) and migrates the workstation's SQLite replica. */
export function openReplica(options: ReplicaOptions): Db {
  ownerOnlyFolder(dirname(options.file))
  ensureOwnerOnlyFile(options.file)
  for (const suffix of ['-wal', '-shm']) ownerOnlyFile(options.file + suffix)
  const backupDir = join(dirname(options.file), 'backups')
  let sqlite = openSqlite(options.file)
  try {
    const migrated = migrateDatabase(sqlite, {
      migrationsFolder: options.migrationsFolder ?? migrationsFolder(),
      backupDir,
      now: options.now,
    })
    // A connection that ran ALTER TABLE ... RENAME COLUMN (migration 0006) keeps state that makes
    // its first checkpoint after a journal-mode switch (the demo's bulk load) fail with
    // SQLITE_LOCKED: the app works on a fresh connection to the migrated file instead.
    if (migrated.applied > 0) {
      sqlite.close()
      sqlite = openSqlite(options.file)
    }
  } catch (error) {
    sqlite.close()
    if (error instanceof MigrationIntegrityError && error.backupFile) {
      restoreDatabase(error.backupFile, options.file)
    }
    throw error
  }
  attachReplicaKey(sqlite, loadReplicaKey(options.file, options.keyProtector))
  const db = wrap(sqlite)
  ensureDeviceIdentity(db)
  return db
}

/** A new replica gets its own device id; the receipt prefix is replaced at registration. */
function ensureDeviceIdentity(db: Db): void {
  const existing = db.select().from(deviceState).get()
  if (existing) return
  const deviceId = uuidv7()
  db.insert(deviceState)
    .values({ id: 1, deviceId, receiptPrefix: deviceId.slice(-4).toUpperCase() })
    .run()
}
