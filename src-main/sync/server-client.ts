import type {
  ClientVersions,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  RegistrationAnswer,
  VerifyResponse,
} from '../../src-shared/sync/protocol'

export interface SyncEndpoint {
  serverUrl: string
  workstationId: string
  secret: string
}

/** An answer from the server that is not a success: 426 means the app must be updated. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }

  get updateRequired(): boolean {
    return this.status === 426
  }
}

const TIMEOUT_MS = 60_000

/**
 * Exchanges a registration code for the workstation's credentials (the first-run wizard); null
 * when the server does not know the code (unknown, used or expired).
 */
export async function claimRegistration(
  serverUrl: string,
  code: string,
  versions: ClientVersions,
): Promise<RegistrationAnswer | null> {
  const response = await fetch(new URL('/workstations/claim', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ versions, code }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  if (response.status === 404) return null
  const text = await response.text()
  if (!response.ok) throw new SyncHttpError(response.status, messageOf(text))
  return JSON.parse(text) as RegistrationAnswer
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
  ) {}

  private async post<T>(path: string, body: unknown): Promise<T> {
    const send = () =>
      fetch(new URL(path, this.endpoint.serverUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-workstation-id': this.endpoint.workstationId,
          'x-workstation-secret': this.endpoint.secret,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
    // A kept-alive connection the server closed while this thread was busy fails at once: send
    // again on a fresh one. Push and pull are idempotent (commands go by id), so this is safe.
    const response = await send().catch((error: unknown) => {
      if (error instanceof Error && error.name === 'TimeoutError') throw error
      return send()
    })
    const text = await response.text()
    if (!response.ok) throw new SyncHttpError(response.status, messageOf(text))
    return JSON.parse(text) as T
  }

  push(deviceId: string, commands: PushRequest['commands']): Promise<PushResponse> {
    return this.post('/sync/push', { versions: this.versions, deviceId, commands })
  }

  pull(request: Omit<PullRequest, 'versions'>): Promise<PullResponse> {
    return this.post('/sync/pull', { versions: this.versions, ...request })
  }

  /** Whether the server takes this login and password (its copy is the current one). */
  async checkOperator(login: string, password: string): Promise<boolean> {
    const answer = await this.post<{ valid: boolean }>('/operators/check', {
      versions: this.versions,
      login,
      password,
    })
    return answer.valid
  }

  verify(): Promise<VerifyResponse> {
    return this.post('/sync/verify', { versions: this.versions })
  }
}
