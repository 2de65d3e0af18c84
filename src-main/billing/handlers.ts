import { billingRunMessages, type BillingRunState } from '../../src-shared/billing/contract'
import type { DomainHandlers, HandlerContext } from '../api/dispatch'
import { ApiFailure } from '../api/failure'
import { SyncHttpError, type SyncServerClient } from '../sync/server-client'
import { clientFor } from '../sync/sync-run'

/**
 * The admin's call to the central server with their own live session (the server checks the
 * role again and bills this workstation's branch); offline, a Russian refusal.
 */
async function askServer(
  ctx: HandlerContext,
  ask: (client: SyncServerClient) => Promise<BillingRunState>,
): Promise<BillingRunState> {
  const { services, session } = ctx
  const token = session!.token
  if (!token) throw new ApiFailure('forbidden', billingRunMessages.notLoggedIn)
  const client = clientFor(services.db, services.appVersion, undefined, {
    token: () => token,
    ended: (ended) => void services.sessions.endByServer(ended),
  })
  if (!client) throw new ApiFailure('conflict', billingRunMessages.notConfigured)
  try {
    return await ask(client)
  } catch (error) {
    if (error instanceof SyncHttpError)
      throw new ApiFailure(error.status === 400 ? 'invalid_input' : 'forbidden', error.message)
    throw new ApiFailure('conflict', billingRunMessages.offline)
  }
}

export const billingHandlers: DomainHandlers<'billing'> = {
  'billing.run': ({ period }, ctx) => askServer(ctx, (c) => c.billingRun(period)),
  'billing.status': ({ period }, ctx) => askServer(ctx, (c) => c.billingStatus(period)),
}
