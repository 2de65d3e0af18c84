import type { Db } from '../db/connection'
import { syncState } from '../db/schema'
import type { SyncEndpoint } from './server-client'

export type SyncStateRow = typeof syncState.$inferSelect

export function readSyncState(db: Db): SyncStateRow | undefined {
  return db.select().from(syncState).get()
}

/** Points the replica at a central server with this workstation's credentials. */
export function configureSync(db: Db, endpoint: SyncEndpoint): void {
  db.insert(syncState)
    .values({ id: 1, ...endpoint })
    .onConflictDoUpdate({ target: syncState.id, set: { ...endpoint } })
    .run()
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
