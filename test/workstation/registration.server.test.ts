import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { hashPassword } from '../../src-node/operators/password'
import { claimRegistration } from '../../src-main/sync/server-client'
import { configureSync, readSyncState } from '../../src-main/sync/sync-state'
import { queryRow } from '../../src-server/db/query'
import { SyncedWriter } from '../../src-server/sync/synced-write'
import {
  claimRegistrationCode,
  issueRegistrationCode,
} from '../../src-server/workstation/registration-codes'
import type { SetupState } from '../../src-shared/sync/contract'
import { appIn, testOperators } from '../support/temp-app'
import { seedBranch, useSyncServer, workstationVersions as versions } from '../support/server'

const { database, server } = useSyncServer()

/** A new branch and the code its administrator issued for window `n` of its office. */
async function codeForWindow(n: number) {
  const branch = await seedBranch(database.db)
  const issued = await issueRegistrationCode(database.db, {
    officeId: branch.officeId,
    name: `Окно ${n}`,
    receiptPrefix: `OK000${n}`,
  })
  return { branch, issued }
}

describe('registering a workstation with a one-time code, and logging in against the server', () => {
  it('gives the credentials once; a used, mistyped or unknown code gets nothing', async () => {
    const { issued } = await codeForWindow(3)
    // 80 random bits: four groups of four in Crockford's base 32.
    expect(issued.code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/)
    // Typed in lower case and without the dash, it is the same code.
    const answer = await claimRegistration(
      server.url,
      issued.code.replaceAll('-', '').toLowerCase(),
      versions,
    )
    expect(answer).toMatchObject({ workstationId: issued.workstationId, name: 'Окно 3' })
    expect(answer!.secret.length).toBeGreaterThan(30)
    expect(answer!.estimatedRows).toBeGreaterThan(0)
    expect(await claimRegistration(server.url, issued.code, versions)).toBeNull()
    expect(await claimRegistrationCode(database.db, 'ZZZZ-ZZZZ')).toBeNull()
  })

  it('the first-run wizard registers an empty workstation and bootstraps it; then a clerk logs in', async () => {
    const { branch, issued } = await codeForWindow(4)
    const dir = mkdtempSync(join(tmpdir(), 'energo-setup-'))
    const app = appIn(dir, { appVersion: '1.0.0' })
    const tab = 'web:setup'
    try {
      const before = await app.dispatch('setup.state', {}, tab)
      expect(before.ok && before.value).toMatchObject({ needed: true, configured: false })

      const wrong = await app.dispatch(
        'setup.register',
        { serverUrl: server.url, code: 'AAAA-AAAA' },
        tab,
      )
      expect(wrong.ok ? null : wrong.error.fields?.code).toMatch(/^Код регистрации: /)
      const noServer = await app.dispatch(
        'setup.register',
        { serverUrl: 'http://127.0.0.1:9', code: issued.code },
        tab,
      )
      expect(noServer.ok ? null : noServer.error.fields?.serverUrl).toMatch(/^Адрес сервера: /)

      const registered = await app.dispatch(
        'setup.register',
        { serverUrl: server.url, code: issued.code },
        tab,
      )
      expect(registered.ok).toBe(true)
      await app.services.sync.wake()
      const after = await app.dispatch('setup.state', {}, tab)
      if (!after.ok) throw new Error(after.error.message)
      const state = after.value as SetupState
      expect(state).toMatchObject({ needed: false, bootstrapped: true })
      expect(state.pulled).toBeGreaterThan(0)
      expect(state.pulled).toBeLessThanOrEqual(state.estimated!)

      const [clerk] = testOperators
      const first = await app.dispatch(
        'session.login',
        { login: branch.login(clerk!.login), password: clerk!.password },
        tab,
      )
      expect(first.ok).toBe(true)
      // Online, the server's password decides: changed there, it counts before it is pulled.
      const login = branch.login(clerk!.login)
      await database.db.transaction(async (tx) => {
        const op = await queryRow<{ id: string }>(
          tx,
          sql`SELECT id FROM operators WHERE login = ${login}`,
        )
        await new SyncedWriter(tx, branch.branchId).update('operators', op!.id, {
          passwordHash: hashPassword('Новый-пароль-7'),
        })
      })
      const logIn = (password: string) =>
        app.dispatch('session.login', { login, password }, 'web:other')
      expect((await logIn(clerk!.password)).ok).toBe(false)
      expect((await logIn('Новый-пароль-7')).ok).toBe(true)
      // Offline, the hash this workstation holds decides (the change is not pulled yet).
      const endpoint = readSyncState(app.services.db)!
      const credentials = { workstationId: endpoint.workstationId, secret: endpoint.secret }
      configureSync(app.services.db, { serverUrl: 'http://127.0.0.1:9', ...credentials })
      expect((await logIn(clerk!.password)).ok).toBe(true)
      configureSync(app.services.db, { serverUrl: server.url, ...credentials })

      // Registered once: the login screen cannot point it at another server.
      const again = await app.dispatch(
        'setup.register',
        { serverUrl: server.url, code: issued.code },
        tab,
      )
      expect(again.ok ? null : again.error.code).toBe('conflict')
    } finally {
      app.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
