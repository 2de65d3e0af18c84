import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replicaKeyOf } from '../../src-main/db/replica-key'
import { replicaFile, type App } from '../../src-main/app/create-app'
import { configureSync, readSyncState } from '../../src-main/sync/sync-state'
import { SyncThread } from '../../src-main/sync/sync-thread'
import { queryRow } from '../../src-server/db/query'
import { appIn, accountInput, testOperators } from '../support/temp-app'
import { newWorkstation, seedAccountWithDebt, seedBranch, useSyncServer } from '../support/server'
import { serverAccountNumbers } from './support/scenario'

const { database, server } = useSyncServer()
let dir: string
let app: App
const worker = new URL('../../src-main/sync/sync-worker.ts', import.meta.url)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'energo-thread-'))
})
afterAll(async () => {
  app?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the sync loop on its own thread', () => {
  it('bootstraps with progress, then sends what the clerk saves under her online session', async () => {
    const branch = await seedBranch(database.db)
    for (let i = 1; i <= 20; i++)
      await seedAccountWithDebt(database.db, branch, `77400000${10 + i}`)
    app = appIn(dir, { appVersion: '1.0.0', syncWorker: worker })
    const { services } = app
    configureSync(services.db, {
      serverUrl: server.url,
      ...(await newWorkstation(database.db, branch.officeId)),
    })
    services.sync.start()
    await services.sync.wake()

    // The thread stored the pages through its own connection; this one reads them.
    const local = services.db.$client.prepare('SELECT count(*) FROM accounts').pluck().get()
    expect(local).toBe(20)
    expect(readSyncState(services.db)!.bootstrappedAt).not.toBeNull()
    expect(services.bootstrap.pulled).toBeGreaterThan(20 * 4)

    /** The clerk registers an account; the loop, woken, has the thread push it. */
    const registerAndSync = async (number: string) => {
      const saved = await app.dispatch(
        'accounts.register',
        accountInput({
          number,
          officeId: branch.officeId,
          services: [{ service: 'electricity', supplierId: branch.supplierId }],
        }),
        'tab',
      )
      expect(saved.ok).toBe(true)
      await services.sync.wake()
      expect(await serverAccountNumbers(database.db, branch.branchId)).toContain(number)
    }
    const [clerk] = testOperators
    const login = await app.dispatch(
      'session.login',
      { login: branch.login(clerk.login), password: clerk.password },
      'tab',
    )
    expect(login.ok).toBe(true)
    await registerAndSync('7740000099')
    const status = await app.dispatch('sync.status', {}, 'tab')
    expect(status.ok && status.value).toMatchObject({ online: true, waitingCommands: 0 })
    // The thread spoke for the clerk's online session, whose token stays on this thread.
    const clerkId = services.sessions.touch('tab', new Date(), false)!.operatorId
    const spoke = await queryRow<{ session: string | null }>(
      database.db,
      sql`SELECT session_operator_id AS session FROM applied_commands
           WHERE args->>'number' = '7740000099'`,
    )
    expect(spoke).toEqual({ session: clerkId })

    // A token the server no longer honours: the thread still pushes, and the session here ends.
    services.sessions.touch('tab', new Date(), false)!.token = 'no-longer-valid'
    await registerAndSync('7740000098')
    const after = await app.dispatch('session.current', {}, 'tab')
    expect(after.ok ? null : after.error.code).toBe('session_ended')
  })

  it('a thread that dies fails its run; the next run starts a new one', async () => {
    const thread = new SyncThread(
      worker,
      {
        file: replicaFile(dir),
        appVersion: '1.0.0',
        replicaKey: replicaKeyOf(app.services.db.$client),
      },
      { onPulled: () => {} },
    )
    const run = thread.run()
    await thread.close()
    await expect(run).rejects.toThrow('the sync thread stopped')
    await expect(thread.run()).resolves.toMatchObject({ pushed: 0, updateRequired: null })
    await thread.close()
  })
})
