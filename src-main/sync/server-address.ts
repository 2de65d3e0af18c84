import { request } from 'undici'
import type { ServerCheck } from '../../src-shared/sync/contract'
import { normalizeServerAddress } from '../../src-shared/sync/server-address'
import { pinOfFingerprint, splitRegistrationCode } from '../../src-shared/sync/registration-code'
import { ApiFailure } from '../api/failure'
import { serverRoutes } from '../../src-shared/sync/routes'
import type { AppServices } from '../api/services'
import { writeAudit, type AuditActor } from '../audit/audit-log'
import type { Db } from '../db/connection'
import {
  dispatcherFor,
  InsecureServerAddress,
  pinnedAgent,
  ServerCertificateMismatch,
} from './pinned-tls'
import { SyncHttpError, SyncServerClient } from './server-client'
import { clientFor } from './sync-run'
import { readSyncState, type SyncStateRow } from './sync-state'

export const CHANGE_SERVER = 'sync.changeServer'

const HEALTH_WAIT_MS = 5_000

/** The field's error: the Sync screen shows it under the address. */
function addressFailure(problem: string): ApiFailure {
  return ApiFailure.field('serverUrl', `Адрес сервера: ${problem}`)
}

const notAnswering = 'сервер не отвечает. Проверьте адрес и сеть.'
const unknownWorkstation =
  'сервер отвечает, но не знает это рабочее место: это другой сервер, или рабочее место на нем удалено.'

/**
 * A pull of one row from the current cursor (nothing is stored): whether the server takes this
 * workstation's credentials. Answers its refusal, or null when it answered the pull.
 */
async function probePull(
  client: SyncServerClient,
  state: SyncStateRow,
): Promise<SyncHttpError | null> {
  try {
    await client.pull({
      cursor: { branch: state.cursorBranch, global: state.cursorGlobal },
      limit: 1,
    })
    return null
  } catch (error) {
    if (!(error instanceof SyncHttpError)) throw addressFailure(notAnswering)
    return error
  }
}

/**
 * Whether the server at `serverUrl` is the central server this workstation is registered to, asked
 * without a credential: its health route, over a connection that takes only the pinned
 * certificate (plain http only on this computer, for a workstation registered that way). A
 * workstation not registered yet has nothing pinned: only whether a central server answers.
 */
async function proveServer(state: SyncStateRow | undefined, serverUrl: string): Promise<void> {
  const https = new URL(serverUrl).protocol === 'https:'
  if (state && !https && state.serverCertificate) {
    throw addressFailure(
      'рабочее место закреплено за сервером с сертификатом: новый адрес — только https://.',
    )
  }
  // Not registered yet: nothing pinned, and nothing but the health route is asked.
  const unpinned = !state && https ? pinnedAgent(() => true) : null
  let response
  try {
    response = await request(new URL(serverRoutes.health, serverUrl), {
      dispatcher: unpinned ?? dispatcherFor(serverUrl, state?.serverCertificate ?? null),
      headersTimeout: HEALTH_WAIT_MS,
      bodyTimeout: HEALTH_WAIT_MS,
    })
  } catch (error) {
    void unpinned?.close()
    if (error instanceof ServerCertificateMismatch || error instanceof InsecureServerAddress) {
      throw ApiFailure.field('serverUrl', error.message)
    }
    throw addressFailure(notAnswering)
  }
  const health = (await response.body.json().catch(() => null)) as { ok?: unknown } | null
  void unpinned?.close()
  if (response.statusCode !== 200 || health?.ok !== true) {
    throw addressFailure('по этому адресу отвечает не центральный сервер.')
  }
}

/**
 * Points a registered workstation at its central server's new address (the server moved to
 * another host), once the server there proved to be the same one (its pinned certificate). Its
 * credentials, cursors and outbox stay as they are: the next sync goes to the new address and
 * carries on from where the last one stopped. Recorded in the audit log.
 */
export async function changeServerAddress(
  db: Db,
  actor: AuditActor,
  serverUrl: string,
  options: { code?: string; appVersion: string },
): Promise<void> {
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
  const pinned =
    !state.serverCertificate && new URL(serverUrl).protocol === 'https:'
      ? await pinServer(db, serverUrl, options)
      : (await proveServer(state, serverUrl), state.serverCertificate)
  db.$client.transaction(() => {
    db.$client
      .prepare('UPDATE sync_state SET server_url = ?, server_certificate = ? WHERE id = 1')
      .run(serverUrl, pinned)
    writeAudit(db, actor, {
      action: CHANGE_SERVER,
      entity: 'workstation',
      entityId: state.workstationId,
      // The pin only where it changed (a workstation moved off plain http).
      details:
        pinned === state.serverCertificate
          ? { old: { serverUrl: state.serverUrl }, new: { serverUrl } }
          : {
              old: { serverUrl: state.serverUrl, serverCertificate: state.serverCertificate },
              new: { serverUrl, serverCertificate: pinned },
            },
    })
  })()
}

/**
 * A workstation registered over plain http (nothing pinned) moving to https: the registration
 * code's pin proves the server before any credential is sent (the code itself is not claimed),
 * then the server must know this workstation. Answers the certificate's fingerprint to pin.
 */
async function pinServer(
  db: Db,
  serverUrl: string,
  { code, appVersion }: { code?: string; appVersion: string },
): Promise<string> {
  const pin = code ? splitRegistrationCode(code)?.pin : null
  if (!pin) {
    throw ApiFailure.field(
      'code',
      'Код регистрации: для перехода на https введите код, выданный командой «npm run server -- register-workstation» (8 групп).',
    )
  }
  let presented: string | null = null
  const agent = pinnedAgent((fingerprint) => {
    presented = fingerprint
    return pinOfFingerprint(fingerprint) === pin
  })
  try {
    const response = await request(new URL(serverRoutes.health, serverUrl), {
      dispatcher: agent,
      headersTimeout: HEALTH_WAIT_MS,
      bodyTimeout: HEALTH_WAIT_MS,
    })
    const health = (await response.body.json().catch(() => null)) as { ok?: unknown } | null
    if (response.statusCode !== 200 || health?.ok !== true) {
      throw addressFailure('по этому адресу отвечает не центральный сервер.')
    }
  } catch (error) {
    if (error instanceof ApiFailure) throw error
    if (error instanceof ServerCertificateMismatch) {
      throw ApiFailure.field(
        'code',
        'Код регистрации: сертификат сервера по этому адресу не совпадает с отпечатком в коде. Данные рабочего места ему не переданы.',
      )
    }
    throw addressFailure(notAnswering)
  } finally {
    void agent.close()
  }
  const fingerprint = presented as string | null
  if (!fingerprint) throw addressFailure(notAnswering)
  const state = readSyncState(db)!
  const client = new SyncServerClient(
    { ...state, serverUrl, serverCertificate: fingerprint },
    clientFor(db, appVersion)!.versions,
  )
  if ((await probePull(client, state))?.status === 401) throw addressFailure(unknownWorkstation)
  return fingerprint
}

/**
 * Asks the server at `serverUrl` whether it answers and is this workstation's central server
 * (its health route, over the pinned certificate), then, on a registered workstation, whether
 * it knows this workstation's credentials (a pull of one row from the current cursor; nothing
 * is stored). Failures name the address field.
 */
export async function checkServerAddress(
  services: AppServices,
  serverUrl: string,
): Promise<ServerCheck> {
  const state = readSyncState(services.db)
  await proveServer(state, serverUrl)
  const client = clientFor(services.db, services.appVersion, serverUrl)
  if (!state || !client) return { serverUrl, knowsWorkstation: null }
  const refused = await probePull(client, state)
  // "Update the app" comes after the credentials were taken.
  if (refused && !refused.updateRequired) {
    throw addressFailure(
      refused.status === 401 ? unknownWorkstation : `сервер ответил ошибкой: ${refused.message}`,
    )
  }
  return { serverUrl, knowsWorkstation: true }
}
