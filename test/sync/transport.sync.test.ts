import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { request } from 'undici'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { ChannelName, InputOf } from '../../src-shared/api/contract'
import type { RateLimits } from '../../src-shared/sync/rate-limits'
import { groupCode, pinOfFingerprint } from '../../src-shared/sync/registration-code'
import { claimRegistration, SyncServerClient } from '../../src-main/sync/server-client'
import { SyncLoop } from '../../src-main/sync/sync-loop'
import { readSyncState } from '../../src-main/sync/sync-state'
import { queryRow } from '../../src-server/db/query'
import { buildServerApp } from '../../src-server/http/app'
import { serverCertificate } from '../../src-server/http/certificate'
import { issueRegistrationCode } from '../../src-server/workstation/registration-codes'
import { appIn, testOperators } from '../support/temp-app'
import {
  createBranchAdmin,
  newWorkstation,
  seedBranch,
  useTestDatabase,
  workstationHeaders,
  workstationVersions as versions,
} from '../support/server'
import { headlessClient, type HeadlessClient } from './support/client'

// The central server over HTTPS with its self-signed certificate, as `npm run server -- start`
// runs it; rogue servers with certificates of their own on other loopback ports.
const database = useTestDatabase()
const dir = mkdtempSync(join(tmpdir(), 'energo-tls-'))
const [clerk] = testOperators
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface TestServer {
  url: string
  fingerprint: string | null
  /** HTTP requests that reached it: a rogue server must see none. */
  requests: string[]
  close(): Promise<unknown>
}

const opened: { close(): unknown }[] = []
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close()
})

/** The real server app on a loopback port: https with the certificate in `tlsDir`, or http. */
async function startServer(
  tlsDir: string | null,
  rateLimits?: Partial<RateLimits>,
): Promise<TestServer> {
  const tls = tlsDir ? await serverCertificate(join(dir, tlsDir)) : undefined
  const app = await buildServerApp({ db: database.db, tls, rateLimits })
  const requests: string[] = []
  app.addHook('onRequest', async (req) => {
    requests.push(req.url)
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  const server = {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    fingerprint: tls?.fingerprint ?? null,
    requests,
    close: () => app.close(),
  }
  opened.push(server)
  return server
}

/** A code as `npm run server -- register-workstation` prints it: the one-time code, the pin. */
async function registrationCode(officeId: string, fingerprint: string) {
  const issued = await issueRegistrationCode(database.db, {
    officeId,
    name: 'Окно 7',
    receiptPrefix: `TL${Math.floor(Math.random() * 1e4)}`,
  })
  return { ...issued, full: `${issued.code}-${groupCode(pinOfFingerprint(fingerprint))}` }
}

const claimed = async (workstationId: string) =>
  (
    await queryRow<{ at: string | null }>(
      database.db,
      sql`SELECT claimed_at AS at FROM registration_codes WHERE workstation_id = ${workstationId}`,
    )
  )?.at ?? null

function track(client: HeadlessClient): HeadlessClient {
  opened.push({ close: () => client.cleanup() })
  return client
}

function dispatch<K extends ChannelName>(desk: HeadlessClient, channel: K, input: InputOf<K>) {
  return desk.app.dispatch(channel, input, 'test-tab')
}

/** A new workstation in its first-run wizard (no sync yet): what it answers to «register». */
function firstRunWizard() {
  const setupDir = mkdtempSync(join(dir, 'setup-'))
  const app = appIn(setupDir, { appVersion: '1.0.0', startSync: false })
  opened.push({ close: () => app.close() })
  return (serverUrl: string, code: string) =>
    app.dispatch('setup.register', { serverUrl, code }, 'web:setup')
}

/** A workstation registered with the full code over https, its certificate pinned. */
async function pinnedDesk(server: TestServer) {
  const branch = await seedBranch(database.db)
  const code = await registrationCode(branch.officeId, server.fingerprint!)
  const answer = (await claimRegistration(server.url, code.full, versions))!
  const desk = track(
    headlessClient(server.url, {
      workstationId: answer.workstationId,
      secret: answer.secret,
      serverCertificate: answer.serverCertificate,
    }),
  )
  return { branch, desk, answer }
}

describe('HTTPS and the pinned server certificate', () => {
  it('a workstation registered with the code pins the certificate and syncs over https', async () => {
    const server = await startServer('central')
    const { branch, desk, answer } = await pinnedDesk(server)
    expect(answer.serverCertificate).toBe(server.fingerprint)
    expect(readSyncState(desk.app.services.db)?.serverCertificate).toBe(server.fingerprint)
    const report = await desk.sync()
    expect(report.pulled).toBeGreaterThan(0)
    // The online login goes over the same pinned connection and opens a session.
    await desk.login(branch.login(clerk.login), clerk.password)
    expect(
      desk.app.services.db.$client.prepare('SELECT count(*) FROM operators').pluck().get(),
    ).toBeGreaterThan(0)
    expect(server.requests).toContain('/operators/check')
  })

  it('a server with another certificate gets neither the code nor the credentials', async () => {
    const central = await startServer('central')
    const rogue = await startServer('rogue')
    expect(rogue.fingerprint).not.toBe(central.fingerprint)

    // The first-run wizard typed the rogue's address: the code's pin does not match its
    // certificate, so the code is never sent and stays good for the real server.
    const branch = await seedBranch(database.db)
    const code = await registrationCode(branch.officeId, central.fingerprint!)
    const register = firstRunWizard()
    const wizard = await register(rogue.url, code.full)
    expect(wizard.ok ? null : wizard.error.fields?.serverUrl).toMatch(
      /^Адрес сервера: по этому адресу отвечает другой сервер — его сертификат не совпадает/u,
    )
    // Without the pin the code is not sent to an https server at all.
    const bare = await register(central.url, code.code)
    expect(bare.ok ? null : bare.error.fields?.code).toMatch(
      /^Код регистрации: для сервера по https нужен полный код/u,
    )
    expect(rogue.requests).toEqual([])
    expect(await claimed(code.workstationId)).toBeNull()

    // A registered workstation whose server's certificate changed (another server at its
    // address): no request carries its secret there.
    const { desk } = await pinnedDesk(central)
    await desk.sync()
    desk.app.services.db.$client.prepare('UPDATE sync_state SET server_url = ?').run(rogue.url)
    await expect(desk.sync()).rejects.toThrow(/сертификат не совпадает/u)
    expect(readSyncState(desk.app.services.db)?.lastError).toMatch(/сертификат не совпадает/u)
    expect(rogue.requests).toEqual([])
  })

  it('an admin moves the workstation only to a server that proves to be the same one; audited', async () => {
    const central = await startServer('central')
    const rogue = await startServer('rogue')
    const plain = await startServer(null)
    const { branch, desk } = await pinnedDesk(central)
    const admin = await createBranchAdmin(database.db, branch)
    await desk.sync()
    await desk.login(admin.login, admin.password)

    const toRogue = await dispatch(desk, 'sync.changeServer', { serverUrl: rogue.url })
    expect(toRogue.ok ? null : toRogue.error.fields?.serverUrl).toMatch(
      /^Адрес сервера: по этому адресу отвечает другой сервер/u,
    )
    const checkRogue = await dispatch(desk, 'sync.checkServer', { serverUrl: rogue.url })
    expect(checkRogue.ok).toBe(false)
    expect(rogue.requests).toEqual([])
    // A pinned workstation does not fall back to plain http, even on this computer.
    const toPlain = await dispatch(desk, 'sync.changeServer', { serverUrl: plain.url })
    expect(toPlain.ok ? null : toPlain.error.fields?.serverUrl).toBe(
      'Адрес сервера: рабочее место закреплено за сервером с сертификатом: новый адрес — только https://.',
    )
    expect(plain.requests).toEqual([])
    // Across a network, http is refused before anything is sent.
    const overNetwork = await dispatch(desk, 'sync.changeServer', {
      serverUrl: 'http://10.20.30.40:5190',
    })
    expect(overNetwork.ok ? null : overNetwork.error.fields?.serverUrl).toMatch(
      /^Адрес сервера: без шифрования \(http:\/\/\) — только на этом компьютере/u,
    )
    expect(readSyncState(desk.app.services.db)?.serverUrl).toBe(central.url)

    // The same server under another name (its certificate): taken, and audited.
    const moved = central.url.replace('127.0.0.1', 'localhost')
    expect(await desk.call('sync.checkServer', { serverUrl: moved })).toEqual({
      serverUrl: moved,
      knowsWorkstation: true,
    })
    await desk.call('sync.changeServer', { serverUrl: moved })
    expect(readSyncState(desk.app.services.db)?.serverUrl).toBe(moved)
    await desk.sync()
    const audit = desk.app.services.db.$client
      .prepare(`SELECT details FROM audit_log WHERE action = 'sync.changeServer'`)
      .pluck()
      .all()
    expect(audit).toEqual([
      JSON.stringify({ old: { serverUrl: central.url }, new: { serverUrl: moved } }),
    ])
  })

  it('plain http across a network is refused before a byte is sent', async () => {
    const ws = await newWorkstation(database.db, (await seedBranch(database.db)).officeId)
    const client = new SyncServerClient({ serverUrl: 'http://10.20.30.40:5190', ...ws }, versions)
    await expect(client.pull({ cursor: { branch: 0, global: 0 }, limit: 1 })).rejects.toThrow(
      'Адрес сервера: без шифрования (http://) — только на этом компьютере; сервер в сети — по https://.',
    )
    await expect(
      claimRegistration('http://10.20.30.40:5190', 'AAAA-BBBB-CCCC-DDDD', versions),
    ).rejects.toThrow(/без шифрования/u)
  })
})

describe('rate limits', () => {
  it('guessing registration codes is throttled: 429 with Retry-After and a Russian message', async () => {
    const server = await startServer(null, { claim: { max: 5, windowMs: 60_000 } })
    const guess = () =>
      request(`${server.url}/workstations/claim`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ versions, code: groupCode('0123456789ABCDEF') }),
      })
    for (let i = 0; i < 5; i += 1) {
      const answer = await guess()
      expect(answer.statusCode).toBe(404)
      await answer.body.dump()
    }
    const throttled = await guess()
    expect(throttled.statusCode).toBe(429)
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0)
    expect(await throttled.body.json()).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(
        /^Слишком много попыток ввести код регистрации: повторите через \d+ с\.$/u,
      ),
    })
    // Even the right code waits: the wizard says so under the code.
    const branch = await seedBranch(database.db)
    const issued = await issueRegistrationCode(database.db, {
      officeId: branch.officeId,
      name: 'Окно 8',
      receiptPrefix: 'RL0008',
    })
    const wizard = await firstRunWizard()(server.url, issued.code)
    expect(wizard.ok ? null : wizard.error.fields?.code).toMatch(
      /^Слишком много попыток ввести код/u,
    )
    expect(await claimed(issued.workstationId)).toBeNull()
  })

  it('operator checks, pushes and pulls are bounded per workstation', async () => {
    const server = await startServer(null, {
      operatorCheck: { max: 3, windowMs: 60_000 },
      pull: { max: 4, windowMs: 60_000 },
      push: { max: 2, windowMs: 60_000 },
    })
    const branch = await seedBranch(database.db)
    const desk = track(
      headlessClient(server.url, await newWorkstation(database.db, branch.officeId)),
    )
    await desk.sync()
    const login = branch.login(clerk.login)
    for (let i = 0; i < 3; i += 1) {
      const wrong = await dispatch(desk, 'session.login', { login, password: `не-тот-${i}` })
      expect(wrong.ok ? null : wrong.error.code).toBe('bad_credentials')
    }
    // Past the bound the right password waits too: no local check behind the server's back.
    const limited = await dispatch(desk, 'session.login', { login, password: clerk.password })
    expect(limited.ok ? null : limited.error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(
        /^Слишком много попыток входа с этого рабочего места: повторите через \d+ с\.$/u,
      ),
    })
    // Another workstation is counted on its own.
    const other = track(
      headlessClient(server.url, await newWorkstation(database.db, branch.officeId)),
    )
    await other.sync()
    await other.login(login, clerk.password)

    // Pushes: counted per workstation, whatever they carry.
    const ws = await newWorkstation(database.db, branch.officeId)
    const push = () =>
      request(`${server.url}/sync/push`, {
        method: 'POST',
        headers: workstationHeaders(ws),
        body: JSON.stringify({ versions, deviceId: 'dev-1', commands: [] }),
      })
    const statuses: number[] = []
    for (let i = 0; i < 3; i += 1) {
      const answer = await push()
      statuses.push(answer.statusCode)
      await answer.body.dump()
    }
    expect(statuses).toEqual([200, 200, 429])

    // Pulls: the sync run stops with the server's words, shown on the Sync screen.
    for (let i = 0; i < 3; i += 1) await desk.sync().catch(() => null)
    await expect(desk.sync()).rejects.toThrow(
      /^Сервер ограничил частоту синхронизации этого рабочего места/u,
    )
    expect(readSyncState(desk.app.services.db)?.lastError).toMatch(/повторите через \d+ с\./u)
  })

  it("a forged workstation id uses up only the sender's budget, never the workstation's", async () => {
    const server = await startServer(null, { push: { max: 2, windowMs: 60_000 } })
    const branch = await seedBranch(database.db)
    const ws = await newWorkstation(database.db, branch.officeId)
    const push = async (secret: string) => {
      const answer = await request(`${server.url}/sync/push`, {
        method: 'POST',
        headers: workstationHeaders(ws, secret),
        body: JSON.stringify({ versions, deviceId: 'dev-forged', commands: [] }),
      })
      await answer.body.dump()
      return answer.statusCode
    }
    // An attacker names the workstation's id without its secret: counted on its own address.
    const forged: number[] = []
    for (let i = 0; i < 4; i += 1) forged.push(await push(`wrong-${i}`))
    expect(forged).toEqual([401, 401, 429, 429])
    // The workstation's own budget is whole.
    const real: number[] = []
    for (let i = 0; i < 3; i += 1) real.push(await push(ws.secret))
    expect(real).toEqual([200, 200, 429])
  })

  it("the sync loop waits out Retry-After: the server's Russian words as the last error, no request meanwhile", async () => {
    const server = await startServer(null, { pull: { max: 1, windowMs: 2_000 } })
    const branch = await seedBranch(database.db)
    const desk = track(
      headlessClient(server.url, await newWorkstation(database.db, branch.officeId)),
    )
    const loop = new SyncLoop(
      () => desk.sync(),
      () => 0,
    )
    opened.push({ close: () => loop.stop() })
    // The first run bootstraps (one pull); the one queued behind it is refused with 429.
    loop.start()
    await loop.wake()
    const state = readSyncState(desk.app.services.db)!
    expect(state.bootstrappedAt).not.toBeNull()
    expect(state.lastError).toMatch(
      /^Сервер ограничил частоту синхронизации этого рабочего места: повторите через \d+ с\.$/u,
    )
    expect(loop.heldUntil - Date.now()).toBeGreaterThan(500)
    // Wake-ups (a local command, "sync now") during the pause send nothing.
    const sent = server.requests.length
    for (let i = 0; i < 3; i += 1) await loop.wake()
    expect(server.requests.length).toBe(sent)
    // After it the loop runs by itself and succeeds.
    await expect
      .poll(() => readSyncState(desk.app.services.db)!.lastError, { timeout: 8_000, interval: 100 })
      .toBeNull()
    expect(loop.failures).toBe(0)
    expect(server.requests.length).toBeGreaterThan(sent)
  })
})

describe('a workstation registered over plain http to another computer', () => {
  it('is told on the Sync screen to register again, and how; a code with the pin moves it to https', async () => {
    const http = await startServer(null)
    const branch = await seedBranch(database.db)
    const desk = track(headlessClient(http.url, await newWorkstation(database.db, branch.officeId)))
    const admin = await createBranchAdmin(database.db, branch)
    await desk.sync()
    await desk.login(admin.login, admin.password)
    // As registered before https was required: plain http across the network, nothing pinned.
    const db = desk.app.services.db
    db.$client.prepare(`UPDATE sync_state SET server_url = 'http://10.255.0.1:5190'`).run()
    await expect(desk.sync()).rejects.toThrow(/без шифрования/u)
    const status = await desk.call<{ reregister: string | null }>('sync.status', {})
    expect(status.reregister).toMatch(
      /^Рабочее место зарегистрировано на сервере http:\/\/10\.255\.0\.1:5190 без шифрования.*Зарегистрируйте рабочее место заново: .*register-workstation.*https:\/\/.*«Сохранить»/su,
    )

    const central = await startServer('central')
    const rogue = await startServer('rogue')
    // Without the code, or with a code of another server's certificate: nothing is sent.
    const noCode = await dispatch(desk, 'sync.changeServer', { serverUrl: central.url })
    expect(noCode.ok ? null : noCode.error.fields?.code).toMatch(/^Код регистрации: /u)
    const code = await registrationCode(branch.officeId, central.fingerprint!)
    const toRogue = await dispatch(desk, 'sync.changeServer', {
      serverUrl: rogue.url,
      code: code.full,
    })
    expect(toRogue.ok ? null : toRogue.error.fields?.code).toMatch(/не совпадает с отпечатком/u)
    expect(rogue.requests).toEqual([])

    const moved = await dispatch(desk, 'sync.changeServer', {
      serverUrl: central.url,
      code: code.full,
    })
    expect(moved.ok).toBe(true)
    expect(readSyncState(db)?.serverCertificate).toBe(central.fingerprint)
    // The code itself was not used up: only its pin proved the server.
    expect(await claimed(code.workstationId)).toBeNull()
    expect(
      (await desk.call<{ reregister: string | null }>('sync.status', {})).reregister,
    ).toBeNull()
    await desk.sync()
    expect(readSyncState(db)?.lastError).toBeNull()
  })
})
