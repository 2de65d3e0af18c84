import type { SyncStatus } from '../../src-shared/sync/contract'
import { commandActor } from '../api/context'
import type { Handler } from '../api/dispatch'
import type { Db } from '../db/connection'
import { currentDevice } from '../workstation/device'
import { listSyncCommands, resolveRejected } from './outbox-list'
import { registerWorkstation, setupState } from './setup'
import { readSyncState } from './sync-state'

function syncStatus(db: Db): SyncStatus {
  const sqlite = db.$client
  const waiting = sqlite
    .prepare(`SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE status = 'pending'`)
    .get() as { n: number; oldest: string | null }
  const rejected = sqlite
    .prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'rejected'`)
    .get() as { n: number }
  const state = readSyncState(db)
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
}

export const syncHandlers: {
  'setup.state': Handler<'setup.state'>
  'setup.register': Handler<'setup.register'>
  'sync.status': Handler<'sync.status'>
  'sync.commands': Handler<'sync.commands'>
  'sync.now': Handler<'sync.now'>
  'sync.resolve': Handler<'sync.resolve'>
} = {
  'setup.state': (_input, { services }) => setupState(services),

  'setup.register': (input, { services }) => registerWorkstation(services, input),

  'sync.status': (_input, { services }) => syncStatus(services.db),

  'sync.commands': (_input, { services }) => listSyncCommands(services.db),

  'sync.now': async (_input, { services }) => {
    await services.sync.wake()
    return syncStatus(services.db)
  },

  'sync.resolve': (input, ctx) => {
    const { operatorId, now } = commandActor(ctx)
    const device = currentDevice(ctx.services.db)
    return resolveRejected(
      ctx.services.db,
      {
        operatorId,
        workstationId: device.workstationId,
        deviceId: device.deviceId,
        at: now.toISOString(),
      },
      input,
    )
  },
}
