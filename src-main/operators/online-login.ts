import type { AppServices } from '../api/services'
import { clientFor } from '../sync/sync-run'
import { checkCredentials, findOperator, type OperatorRow } from './credentials'

const SERVER_WAIT_MS = 3000

/**
 * The operator a login lets in. On a workstation of a central server that answers, the server's
 * copy of the password decides: a password changed or an operator deactivated centrally counts
 * at once, before the change is pulled. Offline, or with no answer within 3 s, the scrypt hashes
 * pulled to this workstation decide.
 */
export async function checkLogin(
  services: AppServices,
  login: string,
  password: string,
): Promise<OperatorRow | null> {
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
      .catch(() => null)
      .finally(() => clearTimeout(timer))
    if (online !== null) return online ? local : null
  }
  return checkCredentials(services.db, login, password)
}
