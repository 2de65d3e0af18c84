import type { Handler } from '../api/dispatch'

export const syncHandlers: { 'sync.status': Handler<'sync.status'> } = {
  // No central server yet (the sync issue): the shell shows what waits in the outbox.
  'sync.status': (_input, { services }) => {
    const waiting = services.db.$client
      .prepare(
        `SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE status IN ('pending', 'sent')`,
      )
      .get() as { n: number; oldest: string | null }
    const rejected = services.db.$client
      .prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'rejected'`)
      .get() as { n: number }
    return {
      online: false,
      configured: false,
      waitingCommands: waiting.n,
      oldestWaitingAt: waiting.oldest,
      lastSyncAt: null,
      rejectedCommands: rejected.n,
    }
  },
}
