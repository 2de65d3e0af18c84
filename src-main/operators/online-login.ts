import type { AppServices } from '../api/services'
import { ApiFailure } from '../api/failure'
import { SyncHttpError } from '../sync/server-client'
import { clientFor } from '../sync/sync-run'
import { checkCredentials, findOperator, type OperatorRow } from './credentials'

const SERVER_WAIT_MS = 3000

export interface LoginCheck {
  operator: OperatorRow
  /** The server's session token of an online login; null when the replica's hashes decided. */
  token: string | null
}

/**
 * The operator a login lets in. On a workstation of a central server that answers, the server's
 * copy of the password decides: a password changed or an operator deactivated centrally counts
 * at once, before the change is pulled, and the server opens a session whose token the sync then
 * carries. Offline, or with no answer within 3 s, the scrypt hashes pulled to this workstation
 * decide, and there is no token. Past the server's bound on login tries, the login is refused
 * with its message.
 */
export async function checkLogin(
  services: AppServices,
  login: string,
  password: string,
): Promise<LoginCheck | null> {
  const local = findOperator(services.db, login)
  const client = clientFor(services.db, services.appVersion)
  if (client && local) {
    let timer: ReturnType<typeof setTimeout> | undefined
    const online = await Promise.race([
      client.checkOperator(login, password),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), SERVER_WAIT_MS)
      }),
    ])
      .catch((error: unknown) => {
        // The server bounds login tries per workstation: past it, no try here either.
        if (error instanceof SyncHttpError && error.rateLimited) {
          throw new ApiFailure('rate_limited', error.message)
        }
        return null
      })
      .finally(() => clearTimeout(timer))
    if (online !== null) return online ? { operator: local, token: online.token } : null
  }
  const operator = checkCredentials(services.db, login, password)
  return operator ? { operator, token: null } : null
}
