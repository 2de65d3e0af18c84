import type { Db } from '../db/connection'
import { fingerprintOfPem } from '../sync/pinned-tls'
import { readSyncState } from '../sync/sync-state'

/**
 * Whether the update feed's https server is this workstation's central server: its certificate
 * must be the one pinned at registration, as for sync. An update is code this app will run, so a
 * server it cannot prove is ours serves it nothing.
 */
export function isPinnedFeedCertificate(db: Db, pem: string): boolean {
  const pinned = readSyncState(db)?.serverCertificate ?? null
  if (!pinned) return false
  try {
    return fingerprintOfPem(pem) === pinned
  } catch {
    return false
  }
}
