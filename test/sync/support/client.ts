import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type App } from '../../../src-main/app/create-app'
import { operatorSessionLink } from '../../../src-main/operators/online-session'
import { runSync, type SyncRunReport } from '../../../src-main/sync/sync-run'
import { configureSync } from '../../../src-main/sync/sync-state'
import type { WorkstationCredentials } from '../../../src-server/workstation/credentials'
import { appIn } from '../../support/temp-app'

export interface HeadlessClient {
  app: App
  dir: string
  sync(): Promise<SyncRunReport>
  /** Runs a contract channel as the logged-in operator of this client. */
  call<T = unknown>(channel: string, input: unknown): Promise<T>
  login(login: string, password: string): Promise<void>
  cursor(): { branch: number; global: number }
  outbox(): { status: string; name: string; rejectReason: string | null }[]
  cleanup(): void
}

/** A workstation without UI: the real services of createApp over a fresh replica. */
export function headlessClient(
  serverUrl: string,
  /** With the server's pinned certificate when it speaks https. */
  credentials: WorkstationCredentials & { serverCertificate?: string | null },
  options: { appVersion?: string; dir?: string } = {},
): HeadlessClient {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'energo-sync-'))
  const appVersion = options.appVersion ?? '1.0.0'
  const app = appIn(dir, { appVersion, startSync: false })
  const db = app.services.db
  configureSync(db, { serverUrl, ...credentials })
  const tab = 'test-tab'
  let closed = false
  return {
    app,
    dir,
    sync: () =>
      runSync(db, {
        appVersion,
        now: () => new Date(),
        operatorSessions: operatorSessionLink(db, app.services.sessions, app.services.clock),
      }),
    async call<T>(channel: string, input: unknown) {
      const result = await app.dispatch(channel as never, input as never, tab)
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value as T
    },
    async login(login, password) {
      const result = await app.dispatch('session.login', { login, password }, tab)
      if (!result.ok) throw new Error(result.error.message)
    },
    cursor: () => {
      const row = db.$client
        .prepare('SELECT cursor_branch AS branch, cursor_global AS global FROM sync_state')
        .get() as { branch: number; global: number }
      return row
    },
    outbox: () =>
      db.$client
        .prepare('SELECT status, name, reject_reason AS rejectReason FROM outbox ORDER BY sequence')
        .all() as { status: string; name: string; rejectReason: string | null }[],
    cleanup: () => {
      // Idempotent: a test may close a desk early that its file's hooks close again.
      if (closed) return
      closed = true
      app.close()
      if (!options.dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}
