import type { SetupState } from '../../src-shared/sync/contract'
import { SYNC_PROTOCOL_VERSION } from '../../src-shared/sync/protocol'
import { ApiFailure } from '../api/failure'
import type { AppServices } from '../api/services'
import { InsecureServerAddress, ServerCertificateMismatch } from './pinned-tls'
import { claimRegistration, MissingPin, SyncHttpError } from './server-client'
import { configureSync, readSyncState } from './sync-state'

/** How far the first pull of a new workstation got: for the first-run wizard's progress bar. */
export interface BootstrapProgress {
  pulled: number
  /** Rows the server said the workstation would pull; null when unknown. */
  estimated: number | null
}

/** Where the first run stands: the wizard is needed on an empty, unregistered replica. */
export function setupState(services: AppServices): SetupState {
  const state = readSyncState(services.db)
  const operators = services.db.$client
    .prepare('SELECT count(*) FROM operators')
    .pluck()
    .get() as number
  return {
    needed: !state && operators === 0,
    configured: !!state,
    bootstrapped: !!state?.bootstrappedAt,
    serverUrl: state?.serverUrl ?? null,
    pulled: services.bootstrap.pulled,
    estimated: services.bootstrap.estimated,
    // Asked before anyone logs in: why a sync failed is only for the wizard's first pull.
    error: state && !state.bootstrappedAt ? state.lastError : null,
  }
}

/** A failed claim as the wizard shows it, under the field it is about. */
function setupFailure(error: unknown): ApiFailure {
  if (error instanceof MissingPin) return ApiFailure.field('code', error.message)
  if (error instanceof ServerCertificateMismatch || error instanceof InsecureServerAddress) {
    return ApiFailure.field('serverUrl', error.message)
  }
  if (error instanceof SyncHttpError) {
    const field = error.status === 404 || error.rateLimited ? 'code' : 'serverUrl'
    return ApiFailure.field(field, error.message)
  }
  return ApiFailure.field('serverUrl', 'Адрес сервера: сервер не отвечает. Проверьте адрес и сеть.')
}

/**
 * The first-run wizard's step: exchanges the administrator's registration code for this
 * workstation's credentials, stores them and starts the sync, whose first run is the bootstrap.
 * Only on a replica not yet registered: a registered one is never re-pointed from the login screen.
 */
export async function registerWorkstation(
  services: AppServices,
  input: { serverUrl: string; code: string },
): Promise<SetupState> {
  if (readSyncState(services.db)) {
    throw new ApiFailure('conflict', 'Рабочее место уже зарегистрировано на сервере.')
  }
  let answer
  try {
    answer = await claimRegistration(input.serverUrl, input.code, {
      protocol: SYNC_PROTOCOL_VERSION,
      schema: 0,
      app: services.appVersion,
    })
  } catch (error) {
    throw setupFailure(error)
  }
  if (!answer) {
    const message = 'Код регистрации: неверный, уже использован или просрочен.'
    throw ApiFailure.field('code', message)
  }
  configureSync(services.db, {
    serverUrl: input.serverUrl,
    workstationId: answer.workstationId,
    secret: answer.secret,
    serverCertificate: answer.serverCertificate,
  })
  services.bootstrap.pulled = 0
  services.bootstrap.estimated = answer.estimatedRows
  services.sync.start()
  return setupState(services)
}
