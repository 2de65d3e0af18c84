import type {
  ClientVersions,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
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

/** The central server's sync endpoints over HTTP(S), with the workstation's credentials. */
export class SyncServerClient {
  constructor(
    private readonly endpoint: SyncEndpoint,
    readonly versions: ClientVersions,
  ) {}

  private async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.endpoint.serverUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-workstation-id': this.endpoint.workstationId,
        'x-workstation-secret': this.endpoint.secret,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    const text = await response.text()
    if (!response.ok) {
      let message = text
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? text
      } catch {
        // not JSON: keep the text
      }
      throw new SyncHttpError(response.status, message)
    }
    return JSON.parse(text) as T
  }

  push(deviceId: string, commands: PushRequest['commands']): Promise<PushResponse> {
    return this.post('/sync/push', { versions: this.versions, deviceId, commands })
  }

  pull(request: Omit<PullRequest, 'versions'>): Promise<PullResponse> {
    return this.post('/sync/pull', { versions: this.versions, ...request })
  }

  verify(): Promise<VerifyResponse> {
    return this.post('/sync/verify', { versions: this.versions })
  }
}
