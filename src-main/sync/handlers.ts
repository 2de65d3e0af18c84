import type { Handler } from '../api/dispatch'
import { readSyncState } from './sync-state'

export const syncHandlers: { 'sync.status': Handler<'sync.status'> } = {
  'sync.status': (_input, { services }) => {
    const sqlite = services.db.$client
    const waiting = sqlite
      .prepare(
        `SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE status = 'pending'`,
      )
      .get() as { n: number; oldest: string | null }
    const rejected = sqlite
      .prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'rejected'`)
      .get() as { n: number }
    const state = readSyncState(services.db)
    return {
      // Online: the last attempt reached the server.
      online: !!state?.lastAttemptAt && state.lastError === null,
      configured: !!state,
      waitingCommands: waiting.n,
      oldestWaitingAt: waiting.oldest,
      lastSyncAt: state?.lastSyncAt ?? null,
      rejectedCommands: rejected.n,
      updateRequired: state?.updateRequired ?? null,
    }
  },
}
