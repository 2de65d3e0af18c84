import type { HandlerContext } from '../api/dispatch'
import { ApiFailure } from '../api/failure'
import { SyncHttpError, type SyncServerClient } from './server-client'
import { clientFor } from './sync-run'

/** The Russian refusals of a call to the central server on the operator's own session. */
export interface OnlineCallMessages {
  notLoggedIn: string
  notConfigured: string
  offline: string
}

/**
 * A call to the central server with the operator's own live session (the server checks the role
 * again); refused in Russian without one, without a server to call, or offline.
 */
export async function askAsOperator<T>(
  ctx: HandlerContext,
  messages: OnlineCallMessages,
  ask: (client: SyncServerClient) => Promise<T>,
): Promise<T> {
  const { services, session } = ctx
  const token = session!.token
  if (!token) throw new ApiFailure('forbidden', messages.notLoggedIn)
  const client = clientFor(services.db, services.appVersion, undefined, {
    token: () => token,
    ended: (ended) => void services.sessions.endByServer(ended),
  })
  if (!client) throw new ApiFailure('conflict', messages.notConfigured)
  try {
    return await ask(client)
  } catch (error) {
    if (error instanceof SyncHttpError)
      throw new ApiFailure(error.status === 400 ? 'invalid_input' : 'forbidden', error.message)
    throw new ApiFailure('conflict', messages.offline)
  }
}
