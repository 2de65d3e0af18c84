import type { AppServices } from '../api/services'
import { workstationActor, writeAudit } from '../audit/audit-log'
import type { Db } from '../db/connection'
import type { OperatorSessionLink } from '../sync/server-client'
import { clientFor } from '../sync/sync-run'
import type { SessionStore } from './sessions'

/**
 * What the sync loop needs of the logged-in operators: the most recent online login's token for
 * its requests, and, when the server says that session has ended (operator deactivated, password
 * changed, token revoked or expired), the end of every local session of that operator.
 */
export function operatorSessionLink(
  db: Db,
  sessions: SessionStore,
  clock: () => Date,
): OperatorSessionLink {
  return {
    token: () => sessions.syncToken(),
    ended: (token) => {
      const operatorId = sessions.endByServer(token)
      if (!operatorId) return
      writeAudit(db, workstationActor(db, operatorId, clock()), {
        action: 'session.ended_by_server',
        entity: 'operator',
        entityId: operatorId,
      })
    },
  }
}

/**
 * Revokes a session's token on the server at logout, best effort: offline, the token is simply
 * forgotten with the session (nobody else holds it) and expires on the server by itself.
 */
export async function revokeOnServer(services: AppServices, token: string): Promise<void> {
  const client = clientFor(services.db, services.appVersion)
  await client?.logoutOperator(token).catch(() => {})
}
