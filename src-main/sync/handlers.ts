import { syncSupervisors, type SyncStatus } from '../../src-shared/sync/contract'
import { commandActor } from '../api/context'
import type { DomainHandlers, HandlerContext } from '../api/dispatch'
import { workstationActor, type AuditActor } from '../audit/audit-log'
import { listSyncCommands, resolveRejected } from './outbox-list'
import { changeServerAddress, checkServerAddress } from './server-address'
import { registerWorkstation, setupState } from './setup'
import { countShiftDifferences, reviewShiftDifference } from '../shifts/shift-differences'
import { readSyncState } from './sync-state'
import { reregistrationNeeded } from '../../src-shared/sync/server-address'

/** Supervisors and admins look into shift differences; other roles are not shown them. */
function seesShiftDifferences(ctx: HandlerContext): boolean {
  return !!ctx.session && syncSupervisors.includes(ctx.session.role)
}

function syncStatus(ctx: HandlerContext): SyncStatus {
  const db = ctx.services.db
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
    serverUrl: state?.serverUrl ?? null,
    shiftDifferences: seesShiftDifferences(ctx) ? countShiftDifferences(db) : 0,
    reregister: state ? reregistrationNeeded(state.serverUrl, state.serverCertificate) : null,
  }
}

/** The operator at this workstation, now: for a supervisor's record in the audit log. */
function auditActor(ctx: HandlerContext): AuditActor {
  const { operatorId, now } = commandActor(ctx)
  return workstationActor(ctx.services.db, operatorId, now)
}

export const syncHandlers: DomainHandlers<'setup' | 'sync'> = {
  'setup.state': (_input, { services }) => setupState(services),

  'setup.register': (input, { services }) => registerWorkstation(services, input),

  'sync.status': (_input, ctx) => syncStatus(ctx),

  'sync.commands': (_input, ctx) =>
    listSyncCommands(ctx.services.db, { shiftDifferences: seesShiftDifferences(ctx) }),

  'sync.now': async (_input, ctx) => {
    await ctx.services.sync.wake()
    return syncStatus(ctx)
  },

  'sync.resolve': (input, ctx) => resolveRejected(ctx.services.db, auditActor(ctx), input),

  'sync.reviewShift': (input, ctx) =>
    reviewShiftDifference(ctx.services.db, auditActor(ctx), input),

  'sync.changeServer': async (input, ctx) => {
    await changeServerAddress(ctx.services.db, auditActor(ctx), input.serverUrl, {
      code: input.code,
      appVersion: ctx.services.appVersion,
    })
    // The next run goes to the new address; the answer does not wait for it.
    void ctx.services.sync.wake()
    return syncStatus(ctx)
  },

  'sync.checkServer': (input, { services }) => checkServerAddress(services, input.serverUrl),
}
