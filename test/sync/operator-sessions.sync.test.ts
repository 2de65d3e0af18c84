import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ChannelName, InputOf } from '../../src-shared/api/contract'
import { SYNC_PROTOCOL_VERSION } from '../../src-shared/sync/protocol'
import { queryRow, queryRows } from '../../src-server/db/query'
import { operatorSessionLink } from '../../src-main/operators/online-session'
import { clientFor } from '../../src-main/sync/sync-run'
import { verifyReplica } from '../../src-main/sync/verify'
import { accountInput, testOperators } from '../support/temp-app'
import {
  createBranchAdmin,
  newWorkstation,
  seedAccountWithDebt,
  seedBranch,
  type SeededBranch,
  useSyncServer,
  workstationHeaders,
} from '../support/server'
import type { HeadlessClient } from './support/client'
import { FaultProxy } from './support/fault-proxy'

// One server database for the file; each test has its own branch and workstations.
const { database, server, pulled } = useSyncServer()
const [clerk, cashier, supervisor] = testOperators
const tab = 'test-tab'
const ended = 'Сеанс завершен сервером: войдите снова.'

const opened: { close(): unknown }[] = []
function track<T extends { close(): unknown }>(thing: T): T {
  opened.push(thing)
  return thing
}
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close()
})

/** A bootstrapped workstation of the branch, talking to the server directly or through `via`. */
async function desk(branch: SeededBranch, via?: FaultProxy): Promise<HeadlessClient> {
  return pulled(branch, via?.url)
}

async function proxy(): Promise<FaultProxy> {
  return track(await new FaultProxy(server.url).start())
}

function dispatch<K extends ChannelName>(
  client: HeadlessClient,
  channel: K,
  input: InputOf<K>,
  key = tab,
) {
  return client.app.dispatch(channel, input, key)
}

/** The session of a window, as main holds it (not marked active). */
const sessionOf = (client: HeadlessClient, key = tab) =>
  client.app.services.sessions.touch(key, new Date(), false)

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

function operatorId(client: HeadlessClient, login: string): string {
  return client.app.services.db.$client
    .prepare('SELECT id FROM operators WHERE login = ?')
    .pluck()
    .get(login) as string
}

async function serverSession(token: string) {
  return queryRow<{
    operatorId: string
    workstationId: string
    fingerprint: string
    hours: number
    revoked: boolean
  }>(
    database.db,
    sql`SELECT operator_id AS "operatorId", workstation_id AS "workstationId",
               password_fingerprint AS fingerprint, revoked_at IS NOT NULL AS revoked,
               (extract(epoch FROM expires_at - issued_at) / 3600)::int AS hours
          FROM operator_sessions WHERE token_hash = ${sha256(token)}`,
  )
}

/** Pushed commands of a workstation as the server recorded them. */
async function recorded(workstationId: string) {
  return queryRows<{ name: string; operatorId: string | null; sessionOperatorId: string | null }>(
    database.db,
    sql`SELECT name, operator_id AS "operatorId", session_operator_id AS "sessionOperatorId"
          FROM applied_commands WHERE workstation_id = ${workstationId} ORDER BY seq`,
  )
}

function workstationOf(client: HeadlessClient): string {
  return client.app.services.db.$client
    .prepare('SELECT workstation_id FROM sync_state')
    .pluck()
    .get() as string
}

/** The branch's admin at a workstation of their own, as the reference screen edits operators. */
async function adminDesk(branch: SeededBranch): Promise<HeadlessClient> {
  const { login, password } = await createBranchAdmin(database.db, branch)
  const admin = await desk(branch)
  await admin.login(login, password)
  return admin
}

/** operator.save from the admin's workstation, pushed to the server at once. */
async function saveOperator(
  admin: HeadlessClient,
  branch: SeededBranch,
  op: (typeof testOperators)[number],
  change: { active?: boolean; password?: string },
) {
  await admin.call('settings.saveOperator', {
    operatorId: operatorId(admin, branch.login(op.login)),
    login: branch.login(op.login),
    fullName: op.fullName,
    role: op.role,
    officeId: branch.officeId,
    active: change.active ?? true,
    password: change.password ?? '',
  })
  await admin.sync()
  expect(admin.outbox().every((e) => e.status === 'done')).toBe(true)
}

function auditActions(client: HeadlessClient, action: string) {
  return client.app.services.db.$client
    .prepare('SELECT operator_id AS operatorId FROM audit_log WHERE action = ?')
    .all(action)
}

describe('operator sessions on the central server', () => {
  it('an online login gets a token kept in memory only; push, pull and verify carry the most recent login', async () => {
    const branch = await seedBranch(database.db)
    const net = await proxy()
    const client = await desk(branch, net)
    const wsId = workstationOf(client)
    // Nobody logged in: the bootstrap went with workstation credentials only.
    expect(net.seen.every((r) => r.headers['x-operator-token'] === undefined)).toBe(true)

    await client.login(branch.login(clerk.login), clerk.password)
    const token = sessionOf(client)!.token!
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    const clerkId = operatorId(client, branch.login(clerk.login))
    const hash = await queryRow<{ hash: string }>(
      database.db,
      sql`SELECT password_hash AS hash FROM operators WHERE id = ${clerkId}`,
    )
    expect(await serverSession(token)).toEqual({
      operatorId: clerkId,
      workstationId: wsId,
      fingerprint: sha256(hash!.hash),
      hours: 12,
      revoked: false,
    })
    // The renderer never sees it.
    expect(JSON.stringify(await client.call('session.current', {}))).not.toContain(token)

    await client.call(
      'accounts.register',
      accountInput({ number: '7720000001', officeId: branch.officeId }),
    )
    // A supervisor logs in later in a second window: the sync speaks for the latest login.
    const second = await dispatch(
      client,
      'session.login',
      { login: branch.login(supervisor.login), password: supervisor.password },
      'window-2',
    )
    expect(second.ok).toBe(true)
    const supervisorToken = sessionOf(client, 'window-2')!.token!
    net.seen.length = 0
    await client.sync()
    expect(await recorded(wsId)).toEqual([
      {
        name: 'account.register',
        operatorId: clerkId,
        sessionOperatorId: operatorId(client, branch.login(supervisor.login)),
      },
    ])
    const paths = net.seen.map((r) => [r.path, r.headers['x-operator-token']])
    expect(paths).toContainEqual(['/sync/push', supervisorToken])
    expect(paths).toContainEqual(['/sync/pull', supervisorToken])

    const link = operatorSessionLink(
      client.app.services.db,
      client.app.services.sessions,
      () => new Date(),
    )
    const verifying = clientFor(client.app.services.db, '1.0.0', undefined, link)!
    expect(await verifyReplica(client.app.services.db, verifying, () => new Date())).toEqual({
      compared: true,
      repulled: [],
    })
    expect(net.seen.at(-1)).toMatchObject({
      path: '/sync/verify',
      headers: { 'x-operator-token': supervisorToken },
    })
    // Both sessions stand; nothing was ended.
    expect(sessionOf(client)?.token).toBe(token)
    expect(auditActions(client, 'session.ended_by_server')).toEqual([])

    // Neither token was written to the replica, its WAL or anything else on disk.
    for (const file of readdirSync(client.dir, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue
      const bytes = readFileSync(join(file.parentPath, file.name))
      expect(bytes.includes(token), file.name).toBe(false)
      expect(bytes.includes(supervisorToken), file.name).toBe(false)
    }
  })

  it('answers an old client as before: valid, and the token beside it', async () => {
    const branch = await seedBranch(database.db)
    const ws = await newWorkstation(database.db, branch.officeId)
    const check = async (password: string) => {
      const response = await fetch(new URL('/operators/check', server.url), {
        method: 'POST',
        headers: workstationHeaders(ws),
        body: JSON.stringify({
          versions: { protocol: SYNC_PROTOCOL_VERSION, schema: 0, app: '1.0.0' },
          login: branch.login(clerk.login),
          password,
        }),
      })
      return (await response.json()) as Record<string, unknown>
    }
    expect(await check('wrong-pass')).toEqual({ valid: false })
    const answer = await check(clerk.password)
    expect(answer).toMatchObject({ valid: true, token: expect.any(String) })
    const expiresIn = Date.parse(answer.expiresAt as string) - Date.now()
    expect(expiresIn).toBeGreaterThan(11.9 * 3_600_000)
    expect(expiresIn).toBeLessThanOrEqual(12 * 3_600_000)
  })

  it("refuses another workstation's token: the session ends here, the sync still pushes", async () => {
    const branch = await seedBranch(database.db)
    const mine = await desk(branch)
    const other = await desk(branch)
    await other.login(branch.login(clerk.login), clerk.password)
    const othersToken = sessionOf(other)!.token!
    await mine.login(branch.login(clerk.login), clerk.password)
    // A token copied from the other workstation into this one's session.
    sessionOf(mine)!.token = othersToken

    await mine.call(
      'accounts.register',
      accountInput({ number: '7720000002', officeId: branch.officeId }),
    )
    await mine.sync()
    expect(mine.outbox()).toEqual([
      { status: 'done', name: 'account.register', rejectReason: null },
    ])
    const clerkId = operatorId(mine, branch.login(clerk.login))
    expect(await recorded(workstationOf(mine))).toEqual([
      { name: 'account.register', operatorId: clerkId, sessionOperatorId: null },
    ])
    // The next screen action asks for a login again, and says why.
    const next = await dispatch(mine, 'accounts.search', { query: '7720000002' })
    expect(next.ok ? null : next.error).toEqual({ code: 'session_ended', message: ended })
    const current = await dispatch(mine, 'session.current', {})
    expect(current.ok ? null : current.error.code).toBe('session_ended')
    expect(auditActions(mine, 'session.ended_by_server')).toEqual([{ operatorId: clerkId }])

    // The other workstation's session is its own and goes on.
    await other.sync()
    expect(sessionOf(other)?.token).toBe(othersToken)
    expect(await serverSession(othersToken)).toMatchObject({ revoked: false })

    // A new login clears the notice and brings a token of this workstation.
    await mine.login(branch.login(clerk.login), clerk.password)
    expect(await dispatch(mine, 'session.current', {})).toMatchObject({ ok: true })
    await mine.sync()
    expect(sessionOf(mine)?.token).toEqual(expect.any(String))
  })

  it('an operator deactivated centrally is logged out at the next sync; the payment taken offline reaches the server once', async () => {
    const branch = await seedBranch(database.db)
    const accountId = await seedAccountWithDebt(database.db, branch, '7720000003')
    const admin = await adminDesk(branch)
    const net = await proxy()
    const cash = await desk(branch, net)
    await cash.login(branch.login(cashier.login), cashier.password)
    expect(sessionOf(cash)?.token).toEqual(expect.any(String))
    // A second window of the same cashier: it ends with the first.
    expect(
      (
        await dispatch(
          cash,
          'session.login',
          { login: branch.login(cashier.login), password: cashier.password },
          'window-2',
        )
      ).ok,
    ).toBe(true)
    await cash.call('shifts.open', { openingCash: 0 })
    await cash.sync()

    // The network goes; the cashier takes a payment; meanwhile the admin deactivates him.
    net.always = 'cut'
    const payment = await cash.call<{ paymentId: string }>('payments.record', {
      accountId,
      lines: [{ supplierId: branch.supplierId, service: 'electricity', amount: 150_000 }],
      method: 'cash',
      cashGiven: 150_000,
    })
    await expect(cash.sync()).rejects.toThrow()
    await saveOperator(admin, branch, cashier, { active: false })

    net.always = null
    await cash.sync()
    expect(cash.outbox().map((e) => [e.name, e.status])).toEqual([
      ['shift.open', 'done'],
      ['payment.record', 'done'],
    ])
    const cashierId = operatorId(cash, branch.login(cashier.login))
    expect(await recorded(workstationOf(cash))).toEqual([
      { name: 'shift.open', operatorId: cashierId, sessionOperatorId: cashierId },
      { name: 'payment.record', operatorId: cashierId, sessionOperatorId: null },
    ])
    for (const key of [tab, 'window-2']) {
      const next = await dispatch(cash, 'shifts.current', {}, key)
      expect(next.ok ? null : next.error).toEqual({ code: 'session_ended', message: ended })
    }
    // Logging in again goes to the server, which refuses a deactivated operator.
    const again = await dispatch(cash, 'session.login', {
      login: branch.login(cashier.login),
      password: cashier.password,
    })
    expect(again.ok ? null : again.error.code).toBe('bad_credentials')

    await cash.sync()
    const payments = await queryRows<{ id: string; amount: number }>(
      database.db,
      sql`SELECT id, amount FROM payments WHERE account_id = ${accountId}`,
    )
    expect(payments).toEqual([{ id: payment.paymentId, amount: 150_000 }])
    const records = await queryRow<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM applied_commands
           WHERE name = 'payment.record' AND workstation_id = ${workstationOf(cash)}`,
    )
    expect(records).toEqual({ n: 1 })
  })

  it('a password changed centrally ends the session; the new password opens a new one', async () => {
    const branch = await seedBranch(database.db)
    const admin = await adminDesk(branch)
    const client = await desk(branch)
    await client.login(branch.login(clerk.login), clerk.password)
    const oldToken = sessionOf(client)!.token!

    await saveOperator(admin, branch, clerk, { password: 'Новый-пароль-7' })
    // A sync with nothing to push: the pull alone tells the session is over.
    await client.sync()
    expect(sessionOf(client)).toBeNull()
    const next = await dispatch(client, 'accounts.search', { query: '77' })
    expect(next.ok ? null : next.error.code).toBe('session_ended')

    const old = await dispatch(client, 'session.login', {
      login: branch.login(clerk.login),
      password: clerk.password,
    })
    expect(old.ok ? null : old.error.code).toBe('bad_credentials')
    await client.login(branch.login(clerk.login), 'Новый-пароль-7')
    const newToken = sessionOf(client)!.token!
    expect(newToken).not.toBe(oldToken)
    await client.sync()
    expect(sessionOf(client)?.token).toBe(newToken)
  })

  it('logout revokes the token on the server, and never waits for a server that is down', async () => {
    const branch = await seedBranch(database.db)
    const net = await proxy()
    const client = await desk(branch, net)
    await client.login(branch.login(clerk.login), clerk.password)
    const token = sessionOf(client)!.token!
    expect(await dispatch(client, 'session.logout', {})).toEqual({ ok: true, value: null })
    await vi.waitFor(async () =>
      expect(await serverSession(token)).toMatchObject({ revoked: true }),
    )

    // The revoked token no longer stands, whoever sends it.
    await client.login(branch.login(supervisor.login), supervisor.password)
    sessionOf(client)!.token = token
    await client.sync()
    expect(sessionOf(client)).toBeNull()

    // Down: logout ends the session at once; the token stays unrevoked until it expires.
    await client.login(branch.login(clerk.login), clerk.password)
    const second = sessionOf(client)!.token!
    net.always = { delayMs: 30_000 }
    const started = Date.now()
    expect(await dispatch(client, 'session.logout', {})).toEqual({ ok: true, value: null })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(sessionOf(client)).toBeNull()
    expect(await serverSession(second)).toMatchObject({ revoked: false })
  })

  it('an expired token ends the session at the next sync', async () => {
    const branch = await seedBranch(database.db)
    const client = await desk(branch)
    await client.login(branch.login(clerk.login), clerk.password)
    const token = sessionOf(client)!.token!
    await database.db.execute(
      sql`UPDATE operator_sessions SET expires_at = now() - interval '1 second'
           WHERE token_hash = ${sha256(token)}`,
    )
    await client.sync()
    expect(sessionOf(client)).toBeNull()
  })

  it('with the server down, a login goes by the local hashes and gets no token; the sync goes with workstation credentials', async () => {
    const branch = await seedBranch(database.db)
    const net = await proxy()
    const client = await desk(branch, net)
    net.always = 'cut'
    const wrong = await dispatch(client, 'session.login', {
      login: branch.login(clerk.login),
      password: 'wrong-pass',
    })
    expect(wrong.ok ? null : wrong.error.code).toBe('bad_credentials')
    await client.login(branch.login(clerk.login), clerk.password)
    expect(sessionOf(client)).toMatchObject({ token: null })
    await client.call(
      'accounts.register',
      accountInput({ number: '7720000004', officeId: branch.officeId }),
    )
    await expect(client.sync()).rejects.toThrow()

    net.always = null
    net.seen.length = 0
    await client.sync()
    expect(net.seen.map((r) => r.path)).toContain('/sync/push')
    expect(net.seen.every((r) => r.headers['x-operator-token'] === undefined)).toBe(true)
    expect(await recorded(workstationOf(client))).toEqual([
      {
        name: 'account.register',
        operatorId: operatorId(client, branch.login(clerk.login)),
        sessionOperatorId: null,
      },
    ])
    // Nothing to end: the offline login's session stays.
    expect(sessionOf(client)).toMatchObject({ token: null })
  })
})
