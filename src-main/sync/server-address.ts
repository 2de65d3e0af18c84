import type { ServerCheck } from '../../src-shared/sync/contract'
import { normalizeServerAddress } from '../../src-shared/sync/server-address'
import { ApiFailure } from '../api/failure'
import { serverRoutes } from '../../src-shared/sync/routes'
import type { AppServices } from '../api/services'
import { writeAudit, type AuditActor } from '../audit/audit-log'
import type { Db } from '../db/connection'
import { SyncHttpError } from './server-client'
import { clientFor } from './sync-run'
import { readSyncState } from './sync-state'

export const CHANGE_SERVER = 'sync.changeServer'

const HEALTH_WAIT_MS = 5_000

/** The field's error: the Sync screen shows it under the address. */
function addressFailure(problem: string): ApiFailure {
  return ApiFailure.field('serverUrl', `Адрес сервера: ${problem}`)
}

const notAnswering = 'сервер не отвечает. Проверьте адрес и сеть.'

/**
 * Points a registered workstation at its central server's new address (the server moved to
 * another host). Its credentials, cursors and outbox stay as they are: the next sync goes to the
 * new address and carries on from where the last one stopped. Recorded in the audit log.
 */
export function changeServerAddress(db: Db, actor: AuditActor, serverUrl: string): void {
  db.$client.transaction(() => {
    const state = readSyncState(db)
    if (!state) {
      throw new ApiFailure(
        'conflict',
        'Рабочее место еще не зарегистрировано на сервере: адрес задается при первом запуске.',
      )
    }
    if (normalizeServerAddress(state.serverUrl) === serverUrl) {
      throw addressFailure('этот адрес уже задан.')
    }
    db.$client.prepare('UPDATE sync_state SET server_url = ? WHERE id = 1').run(serverUrl)
    writeAudit(db, actor, {
      action: CHANGE_SERVER,
      entity: 'workstation',
      entityId: state.workstationId,
      details: { old: { serverUrl: state.serverUrl }, new: { serverUrl } },
    })
  })()
}

/**
 * Asks the server at `serverUrl` whether it answers and is a central server (its health route),
 * then, on a registered workstation, whether it knows this workstation's credentials (a pull of
 * one row from the current cursor; nothing is stored). Failures name the address field.
 */
export async function checkServerAddress(
  services: AppServices,
  serverUrl: string,
): Promise<ServerCheck> {
  let response: Response
  try {
    response = await fetch(new URL(serverRoutes.health, serverUrl), {
      signal: AbortSignal.timeout(HEALTH_WAIT_MS),
    })
  } catch {
    throw addressFailure(notAnswering)
  }
  const health = (await response.json().catch(() => null)) as { ok?: unknown } | null
  if (!response.ok || health?.ok !== true) {
    throw addressFailure('по этому адресу отвечает не центральный сервер.')
  }

  const state = readSyncState(services.db)
  const client = clientFor(services.db, services.appVersion, serverUrl)
  if (!state || !client) return { serverUrl, knowsWorkstation: null }
  try {
    await client.pull({
      cursor: { branch: state.cursorBranch, global: state.cursorGlobal },
      limit: 1,
    })
  } catch (error) {
    if (!(error instanceof SyncHttpError)) throw addressFailure(notAnswering)
    // "Update the app" comes after the credentials were taken.
    if (!error.updateRequired) {
      throw addressFailure(
        error.status === 401
          ? 'сервер отвечает, но не знает это рабочее место: это другой сервер, или рабочее место на нем удалено.'
          : `сервер ответил ошибкой: ${error.message}`,
      )
    }
  }
  return { serverUrl, knowsWorkstation: true }
}
