import type { Db } from '../db/connection'
import { isSealed, openSecret, replicaKeyOf, sealSecret } from '../db/replica-key'
import { syncState } from '../db/schema'
import type { SyncEndpoint } from './server-client'

export type SyncStateRow = typeof syncState.$inferSelect

/** The sync state with the workstation's secret opened (sealed in the replica, see replica-key). */
export function readSyncState(db: Db): SyncStateRow | undefined {
  const row = db.select().from(syncState).get()
  if (!row || !isSealed(row.secret)) return row
  const key = replicaKeyOf(db.$client)
  const secret = key ? openSecret(row.secret, key) : null
  // A replica without its key (copied elsewhere) has no usable secret: the server refuses it.
  return { ...row, secret: secret ?? '' }
}

/** The secret as stored: sealed when the connection has the replica's key. */
function storedSecret(db: Db, secret: string): string {
  const key = replicaKeyOf(db.$client)
  return key ? sealSecret(secret, key) : secret
}

/** Points the replica at a central server with this workstation's credentials. */
export function configureSync(db: Db, endpoint: SyncEndpoint): void {
  const stored = { ...endpoint, secret: storedSecret(db, endpoint.secret) }
  db.insert(syncState)
    .values({ id: 1, ...stored })
    .onConflictDoUpdate({ target: syncState.id, set: { ...stored } })
    .run()
}

/** Seals a secret an older version kept in plain text. */
export function sealPlainSecret(db: Db): void {
  const row = db.select().from(syncState).get()
  if (!row || isSealed(row.secret) || !replicaKeyOf(db.$client)) return
  // The page that held the plain text is overwritten with zeros, not just marked free.
  const secureDelete = db.$client.pragma('secure_delete', { simple: true }) as number
  db.$client.pragma('secure_delete = ON')
  db.update(syncState)
    .set({ secret: storedSecret(db, row.secret) })
    .run()
  db.$client.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`)
}

export function recordSyncAttempt(
  db: Db,
  at: string,
  outcome: { ok: true } | { ok: false; error: string },
): void {
  db.$client
    .prepare(
      `UPDATE sync_state SET last_attempt_at = @at,
              last_sync_at = CASE WHEN @ok THEN @at ELSE last_sync_at END,
              last_error = @error WHERE id = 1`,
    )
    .run({ at, ok: outcome.ok ? 1 : 0, error: outcome.ok ? null : outcome.error })
}
