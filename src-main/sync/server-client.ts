import { Agent, errors, request, type Dispatcher } from 'undici'
import {
  OPERATOR_SESSION_ENDED,
  OPERATOR_SESSION_HEADER,
  OPERATOR_TOKEN_HEADER,
  type ClientVersions,
  type OperatorSessionAnswer,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type RegistrationAnswer,
  type VerifyResponse,
} from '../../src-shared/sync/protocol'
import type { CentralReportRequest } from '../../src-shared/reports/central'
import type { BillingRunState } from '../../src-shared/billing/contract'
import type { ReportTable } from '../../src-shared/reports/table'
import { syncMessages } from '../../src-shared/sync/messages'
import { serverRoutes, type ServerRoute } from '../../src-shared/sync/routes'
import { pinOfFingerprint, splitRegistrationCode } from '../../src-shared/sync/registration-code'
import { dispatcherFor, pinnedAgent, ServerCertificateMismatch } from './pinned-tls'

export interface SyncEndpoint {
  serverUrl: string
  workstationId: string
  secret: string
  /** SHA-256 (hex) of the server's certificate, pinned; null for plain http on loopback. */
  serverCertificate?: string | null
}

/**
 * The logged-in operators as the sync sees them: the session token its requests carry, and what
 * to do when the server says that session has ended.
 */
export interface OperatorSessionLink {
  token(): string | null
  ended(token: string): void
}

/** An answer from the server that is not a success: 426 means the app must be updated. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** 429 or 503 with Retry-After: how long the server asks not to be called again. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message)
  }

  get updateRequired(): boolean {
    return this.status === 426
  }

  /** 429: the server bounds how often this is tried; its message says when to try again. */
  get rateLimited(): boolean {
    return this.status === 429
  }
}

const TIMEOUT_MS = 60_000

/**
 * Exchanges a registration code for the workstation's credentials (the first-run wizard); null
 * when the server does not know the code (unknown, used or expired). Over https the code is sent
 * only to a server whose certificate matches the pin the code carries, and that certificate's
 * fingerprint comes back to be pinned. Plain http only on this computer.
 */
export async function claimRegistration(
  serverUrl: string,
  typed: string,
  versions: ClientVersions,
): Promise<(RegistrationAnswer & { serverCertificate: string | null }) | null> {
  const parts = splitRegistrationCode(typed)
  if (!parts) return null
  let presented: string | null = null
  let dispatcher: Dispatcher | undefined
  if (new URL(serverUrl).protocol === 'https:') {
    if (!parts.pin) throw new MissingPin()
    const agent = pinnedAgent((fingerprint) => {
      presented = fingerprint
      return pinOfFingerprint(fingerprint) === parts.pin
    })
    dispatcher = agent
  } else {
    dispatcher = dispatcherFor(serverUrl, null)
  }
  try {
    const response = await request(new URL(serverRoutes.claim, serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ versions, code: parts.code }),
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
      dispatcher,
    })
    const text = await response.body.text()
    if (response.statusCode === 404) return null
    if (response.statusCode < 200 || response.statusCode > 299) {
      throw httpError(response.statusCode, text, response.headers['retry-after'])
    }
    return { ...(JSON.parse(text) as RegistrationAnswer), serverCertificate: presented }
  } finally {
    if (dispatcher instanceof Agent) await dispatcher.close()
  }
}

/** An https address with a code that carries no server pin: nothing is sent. */
export class MissingPin extends Error {
  constructor() {
    super(
      'Код регистрации: для сервера по https нужен полный код — 8 групп, с отпечатком сертификата сервера.',
    )
  }
}

/**
 * Retry-After of a 429 or 503 (seconds, or an HTTP date) in milliseconds; null when absent or
 * unreadable, or on another status.
 */
export function retryAfterOf(
  status: number,
  header: string | string[] | undefined,
  now = Date.now(),
): number | null {
  if ((status !== 429 && status !== 503) || typeof header !== 'string') return null
  const text = header.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

/** The error of a non-success answer, in Russian words where the server gave none of its own. */
function httpError(
  status: number,
  text: string,
  retryAfterHeader: string | string[] | undefined,
): SyncHttpError {
  const retryAfterMs = retryAfterOf(status, retryAfterHeader)
  let message = messageOf(text)
  if (status === 503 && !/[а-яё]/iu.test(message)) {
    message = syncMessages.serverUnavailable(Math.ceil((retryAfterMs ?? 0) / 1000))
  }
  return new SyncHttpError(status, message, retryAfterMs)
}

/** The server's message in an error answer, or its text as it is. */
function messageOf(text: string): string {
  try {
    return (JSON.parse(text) as { message?: string }).message ?? text
  } catch {
    return text
  }
}

/** The central server's sync endpoints over HTTP(S), with the workstation's credentials. */
export class SyncServerClient {
  constructor(
    private readonly endpoint: SyncEndpoint,
    readonly versions: ClientVersions,
    private readonly operatorSessions: OperatorSessionLink | null = null,
  ) {}

  /**
   * `forOperator`: the request carries the logged-in operator's session token, if any. Through
   * undici's `request`, not `fetch`: the same client without the web streams around it, a third
   * of the CPU per request on the path every sync takes.
   */
  private async post<T>(path: ServerRoute, body: unknown, forOperator = false): Promise<T> {
    const token = forOperator ? (this.operatorSessions?.token() ?? null) : null
    // https to the pinned certificate only; http only on this computer.
    const dispatcher = dispatcherFor(
      this.endpoint.serverUrl,
      this.endpoint.serverCertificate ?? null,
    )
    const send = () =>
      request(new URL(path, this.endpoint.serverUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-workstation-id': this.endpoint.workstationId,
          'x-workstation-secret': this.endpoint.secret,
          ...(token ? { [OPERATOR_TOKEN_HEADER]: token } : {}),
        },
        body: JSON.stringify(body),
        headersTimeout: TIMEOUT_MS,
        bodyTimeout: TIMEOUT_MS,
        dispatcher,
      })
    // A kept-alive connection the server closed while this thread was busy fails at once: send
    // again on a fresh one. Push and pull are idempotent (commands go by id), so this is safe.
    const response = await send().catch((error: unknown) => {
      if (error instanceof errors.HeadersTimeoutError) throw error
      if (error instanceof ServerCertificateMismatch) throw error
      return send()
    })
    if (token && response.headers[OPERATOR_SESSION_HEADER] === OPERATOR_SESSION_ENDED) {
      this.operatorSessions?.ended(token)
    }
    const text = await response.body.text()
    if (response.statusCode < 200 || response.statusCode > 299) {
      throw httpError(response.statusCode, text, response.headers['retry-after'])
    }
    return JSON.parse(text) as T
  }

  push(deviceId: string, commands: PushRequest['commands']): Promise<PushResponse> {
    return this.post(serverRoutes.push, { versions: this.versions, deviceId, commands }, true)
  }

  pull(request: Omit<PullRequest, 'versions'>): Promise<PullResponse> {
    return this.post(serverRoutes.pull, { versions: this.versions, ...request }, true)
  }

  /**
   * Whether the server takes this login and password (its copy is the current one): false, or
   * the session it opened for the operator.
   */
  async checkOperator(login: string, password: string): Promise<false | { token: string | null }> {
    // A server older than session tokens answers only `valid`.
    const answer = await this.post<{ valid: boolean } & Partial<OperatorSessionAnswer>>(
      serverRoutes.operatorCheck,
      { versions: this.versions, login, password },
    )
    if (!answer.valid) return false
    return { token: answer.token ?? null }
  }

  /** Ends an operator's session on the server at their logout. */
  async logoutOperator(token: string): Promise<void> {
    await this.post(serverRoutes.operatorLogout, { versions: this.versions, token })
  }

  verify(): Promise<VerifyResponse> {
    return this.post(serverRoutes.verify, { versions: this.versions }, true)
  }

  /**
   * One request with raw bytes (an attachment), with the workstation's credentials. Not resent
   * on a fresh connection here: the attachment sync retries the whole file on its next run.
   */
  private async raw(
    method: 'PUT' | 'GET',
    sha256: string,
    body?: Uint8Array,
  ): Promise<{ status: number; bytes: Buffer }> {
    const dispatcher = dispatcherFor(
      this.endpoint.serverUrl,
      this.endpoint.serverCertificate ?? null,
    )
    const response = await request(
      new URL(`${serverRoutes.attachments}/${sha256}`, this.endpoint.serverUrl),
      {
        method,
        headers: {
          ...(body ? { 'content-type': 'application/octet-stream' } : {}),
          'x-workstation-id': this.endpoint.workstationId,
          'x-workstation-secret': this.endpoint.secret,
        },
        ...(body ? { body } : {}),
        headersTimeout: TIMEOUT_MS,
        bodyTimeout: TIMEOUT_MS,
        dispatcher,
      },
    )
    return {
      status: response.statusCode,
      bytes: Buffer.from(await response.body.arrayBuffer()),
    }
  }

  /** Uploads an appeal's file whole under its hash (the server checks the hash). */
  async uploadAttachment(sha256: string, bytes: Uint8Array): Promise<void> {
    const answer = await this.raw('PUT', sha256, bytes)
    if (answer.status < 200 || answer.status > 299)
      throw new SyncHttpError(answer.status, messageOf(answer.bytes.toString('utf8')))
  }

  /** An appeal's file of this branch from the server, or null when it does not hold it. */
  async fetchAttachment(sha256: string): Promise<Buffer | null> {
    const answer = await this.raw('GET', sha256)
    if (answer.status === 404) return null
    if (answer.status < 200 || answer.status > 299)
      throw new SyncHttpError(answer.status, messageOf(answer.bytes.toString('utf8')))
    return answer.bytes
  }

  /** A company-wide report, for the logged-in operator (the server checks who that is). */
  centralReport(body: Omit<CentralReportRequest, 'versions'>): Promise<ReportTable> {
    return this.post(serverRoutes.centralReport, { versions: this.versions, ...body }, true)
  }

  /** Starts (or joins) the period close of this workstation's branch, for the logged-in admin. */
  billingRun(period: string): Promise<BillingRunState> {
    return this.post(serverRoutes.billingRun, { versions: this.versions, period }, true)
  }

  /** How far the period close has got. */
  billingStatus(period: string): Promise<BillingRunState> {
    return this.post(serverRoutes.billingStatus, { versions: this.versions, period }, true)
  }
}
