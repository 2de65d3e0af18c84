import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { pushOutbox } from '../../src-main/sync/push-outbox'
import { configureSync, readSyncState } from '../../src-main/sync/sync-state'
import { queryRows } from '../../src-server/db/query'
import { clientFor } from '../../src-main/sync/sync-run'
import type { PushedCommand } from '../../src-shared/sync/protocol'
import { accountInput, testOperators } from '../support/temp-app'
import {
  newWorkstation,
  seedAccountWithDebt,
  seedBranch,
  type SeededBranch,
  startTestServer,
  useTestDatabase,
  useTestServer,
  workstationHeaders,
} from '../support/server'
import { headlessClient, type HeadlessClient } from './support/client'
import { FaultProxy } from './support/fault-proxy'
import {
  cursorWatch,
  expectConverged,
  registeredNumbers,
  serverAccountNumbers,
} from './support/scenario'

const database = useTestDatabase()
/** Commands whose transaction the server holds open before committing (scenario 5). */
const slow = new Map<string, number>()
const server = useTestServer(database, {
  minAppVersion: '1.0.0',
  beforeCommit: async (c: PushedCommand) => {
    const ms = slow.get((c.args as { number?: string }).number ?? '')
    if (ms) await new Promise((r) => setTimeout(r, ms))
  },
})
let proxy: FaultProxy
const [clerk, cashier] = testOperators
let numbers = 7_720_000_000
const nextNumber = () => String((numbers += 1))

beforeAll(async () => {
  proxy = await new FaultProxy(server.url).start()
})
afterAll(async () => {
  await proxy.close()
})

const clients: HeadlessClient[] = []
async function workstation(branch: SeededBranch, options: { appVersion?: string } = {}) {
  const ws = await newWorkstation(database.db, branch.officeId)
  const client = headlessClient(proxy.url, ws, options)
  clients.push(client)
  await client.sync()
  await client.login(branch.login(clerk.login), clerk.password)
  return client
}
afterAll(() => clients.forEach((c) => c.cleanup()))

function currentEndpoint(client: HeadlessClient) {
  const state = readSyncState(client.app.services.db)!
  return { serverUrl: state.serverUrl, workstationId: state.workstationId, secret: state.secret }
}

async function register(client: HeadlessClient, branch: SeededBranch, number = nextNumber()) {
  await client.call('accounts.register', accountInput({ number, officeId: branch.officeId }))
  return number
}

describe('sync under faults', () => {
  it('1: an answer lost after the commit, retries and duplicate requests in flight apply once', async () => {
    const branch = await seedBranch(database.db)
    const a = await workstation(branch)
    const watch = cursorWatch(a)
    for (let i = 0; i < 5; i++) await register(a, branch)

    // The answer is lost twice: the request and the client's immediate resend on a new connection.
    proxy.next('drop-response', 'drop-response')
    await expect(a.sync()).rejects.toThrow()
    // The server committed all five although the workstation heard nothing.
    expect(await serverAccountNumbers(database.db, branch.branchId)).toHaveLength(5)
    expect(a.outbox().every((e) => e.status === 'pending')).toBe(true)

    for (let i = 0; i < 3; i++) await register(a, branch)
    // The same batch twice at once (a retry while the first is still on its way).
    proxy.next({ delayMs: 200 }, { delayMs: 0 })
    const client = clientFor(a.app.services.db, '1.0.0')!
    await Promise.all([
      pushOutbox(a.app.services.db, client, () => new Date()),
      pushOutbox(a.app.services.db, client, () => new Date()),
    ])
    await a.sync()
    watch()

    expect(await serverAccountNumbers(database.db, branch.branchId)).toEqual(
      registeredNumbers(a).sort(),
    )
    expect(a.outbox().map((e) => e.status)).toEqual(Array(8).fill('done'))
    await expectConverged(database.db, branch.branchId, [a])
  })

  it('3: three workstations of one branch under random network cuts; nothing stuck', async () => {
    const branch = await seedBranch(database.db)
    const desks = [await workstation(branch), await workstation(branch), await workstation(branch)]
    const watches = desks.map(cursorWatch)
    // A third of the requests are cut before the server, a third lose their answer after it.
    const faults = ['cut', 'drop-response', { delayMs: 30 }, { delayMs: 0 }] as const
    for (let round = 0; round < 12; round++) {
      for (const desk of desks) {
        await register(desk, branch)
        proxy.next(faults[Math.floor(Math.random() * faults.length)]!)
        await desk.sync().catch(() => undefined)
      }
      watches.forEach((w) => w())
    }
    // The network comes back: one more round each, then a pull so everyone sees everything.
    for (const desk of desks) await desk.sync()
    for (const desk of desks) await desk.sync()
    watches.forEach((w) => w())
    const saved = desks.flatMap((d) => registeredNumbers(d)).sort()
    expect(saved).toHaveLength(36)
    expect(await serverAccountNumbers(database.db, branch.branchId)).toEqual(saved)
    await expectConverged(database.db, branch.branchId, desks)
  })

  it('5: a slow transaction that commits after a faster one is not skipped by a pull', async () => {
    const branch = await seedBranch(database.db)
    const [a, b, c] = [
      await workstation(branch),
      await workstation(branch),
      await workstation(branch),
    ]
    const watch = cursorWatch(c)
    const slowNumber = await register(a, branch)
    slow.set(slowNumber, 1500)
    const fastNumber = await register(b, branch)

    const slowPush = a.sync()
    await new Promise((r) => setTimeout(r, 300))
    const fastPush = b.sync()
    // Pulls while the slow one is still open: whatever they see, the cursor must not pass it.
    for (let i = 0; i < 5; i++) {
      await c.sync()
      watch()
      await new Promise((r) => setTimeout(r, 150))
    }
    await Promise.all([slowPush, fastPush])
    await c.sync()
    watch()
    await a.sync()
    await b.sync()
    const onC = c.app.services.db.$client
      .prepare('SELECT number FROM accounts ORDER BY number')
      .all() as { number: string }[]
    expect(onC.map((r) => r.number)).toEqual([slowNumber, fastNumber].sort())
    await expectConverged(database.db, branch.branchId, [a, b, c])
  })

  it('6: a command the server rejects, then 100 valid ones: they pass, the rejection is kept', async () => {
    const branch = await seedBranch(database.db)
    const [a, b] = [await workstation(branch), await workstation(branch)]
    // Both offices give the same number while offline; b reaches the server first.
    const number = nextNumber()
    await register(b, branch, number)
    await register(a, branch, number)
    await b.sync()
    for (let i = 0; i < 100; i++) await register(a, branch)
    await a.sync()

    const statuses = a.outbox()
    expect(statuses[0]).toMatchObject({ status: 'rejected', name: 'account.register' })
    expect(statuses[0]!.rejectReason).toContain(number)
    expect(statuses.slice(1).every((e) => e.status === 'done')).toBe(true)
    const status = await a.call<{ rejectedCommands: number; waitingCommands: number }>(
      'sync.status',
      {},
    )
    expect(status).toMatchObject({ rejectedCommands: 1, waitingCommands: 0 })
    expect(await serverAccountNumbers(database.db, branch.branchId)).toHaveLength(101)
    // The rejected registration stays on the workstation, marked, for the supervisor.
    const local = a.app.services.db.$client
      .prepare('SELECT count(*) AS n FROM accounts WHERE number = ?')
      .get(`${number}-ДУБЛЬ`) as { n: number }
    expect(local.n).toBe(1)
    await a.sync()
    await b.sync()
    expect(a.outbox()[0]!.status).toBe('rejected')
    await expectConverged(database.db, branch.branchId, [a, b])
  })

  it('7: a cloned workstation is detected and nothing is doubled', async () => {
    const branch = await seedBranch(database.db)
    const a = await workstation(branch)
    await register(a, branch)
    await a.sync()
    // Copy the replica (a restored backup, or a disk image on a second PC).
    const cloneDir = mkdtempSync(join(tmpdir(), 'energo-clone-'))
    a.app.services.db.$client.exec(`VACUUM INTO '${join(cloneDir, 'replica.sqlite')}'`)
    // The secret as the workstation opens it (sealed in the file, see replica-key.ts).
    const { workstationId, secret } = readSyncState(a.app.services.db)!
    const state = { workstationId, secret }
    const clone = headlessClient(proxy.url, state, { dir: cloneDir })
    await clone.login(branch.login(clerk.login), clerk.password)

    const original = [await register(a, branch), await register(a, branch)]
    const copied = [await register(clone, branch), await register(clone, branch)]
    await a.sync()
    await clone.sync()

    const onServer = await serverAccountNumbers(database.db, branch.branchId)
    expect(onServer).toEqual([...registeredNumbers(a)].sort())
    for (const n of copied) expect(onServer).not.toContain(n)
    expect(original.every((n) => onServer.includes(n))).toBe(true)
    const rejected = clone.outbox().filter((e) => e.status === 'rejected')
    expect(rejected).toHaveLength(2)
    expect(rejected[0]!.rejectReason).toContain('Копия рабочего места')
    clone.app.close()
    // The original goes on syncing normally.
    await register(a, branch)
    await a.sync()
    expect(a.outbox().every((e) => e.status === 'done')).toBe(true)
    rmSync(cloneDir, { recursive: true, force: true })
  })

  it('8: an old app still delivers its payments, and is told to update', async () => {
    const branch = await seedBranch(database.db)
    const accountId = await seedAccountWithDebt(database.db, branch, nextNumber())
    const desk = await workstation(branch)
    await desk.login(branch.login(cashier.login), cashier.password)
    await desk.call('shifts.open', { openingCash: 500_000 })
    const pay = (amount: number) =>
      desk.call('payments.record', {
        accountId,
        lines: [{ supplierId: branch.supplierId, service: 'electricity', amount }],
        method: 'cash',
        cashGiven: amount,
      })
    for (const amount of [10_000, 20_000, 30_000]) await pay(amount)
    await desk.login(branch.login(clerk.login), clerk.password)
    const other = await register(desk, branch)

    // A newer server release on the same database (instances are stateless) wants app 2.0.
    const newer = await startTestServer(database.db, { minAppVersion: '2.0.0' })
    try {
      configureSync(desk.app.services.db, { ...currentEndpoint(desk), serverUrl: newer.url })
      const report = await desk.sync()
      expect(report.updateRequired).toContain('Версия программы устарела')
      const paid = await queryRows<{ amount: number; lines: number }>(
        database.db,
        sql`SELECT p.amount, (SELECT count(*) FROM payment_lines l WHERE l.payment_id = p.id) AS lines
              FROM payments p WHERE p.account_id = ${accountId} ORDER BY p.amount`,
      )
      expect(paid).toEqual([
        { amount: 10_000, lines: 1 },
        { amount: 20_000, lines: 1 },
        { amount: 30_000, lines: 1 },
      ])
      const outbox = desk.outbox()
      expect(outbox.filter((e) => e.name === 'payment.record').map((e) => e.status)).toEqual([
        'sent',
        'sent',
        'sent',
      ])
      const registration = outbox.find((e) => e.name === 'account.register')!
      expect(registration.status).toBe('rejected')
      expect(registration.rejectReason).toContain('после обновления')
      expect(await serverAccountNumbers(database.db, branch.branchId)).not.toContain(other)
      const status = await desk.call<{ updateRequired: string | null; online: boolean }>(
        'sync.status',
        {},
      )
      expect(status.updateRequired).toContain('2.0.0')
    } finally {
      await newer.close()
    }
  })

  it('8: a client speaking another protocol gets a clear 426 answer', async () => {
    const branch = await seedBranch(database.db)
    const ws = await newWorkstation(database.db, branch.officeId)
    const response = await fetch(`${server.url}/sync/pull`, {
      method: 'POST',
      headers: workstationHeaders(ws),
      body: JSON.stringify({
        versions: { protocol: 99, schema: 1, app: '1.0.0' },
        cursor: { branch: 0, global: 0 },
      }),
    })
    expect(response.status).toBe(426)
    expect(await response.json()).toMatchObject({
      code: 'update_required',
      message: expect.stringContaining('Протокол синхронизации 99'),
    })
  })

  it('9: two workstations edit one account at once: one edit wins, the other is rejected, both are on record', async () => {
    const branch = await seedBranch(database.db)
    const [a, b] = [await workstation(branch), await workstation(branch)]
    const number = await register(a, branch)
    await a.sync()
    await b.sync()
    const accountId = (
      a.app.services.db.$client.prepare('SELECT id FROM accounts WHERE number = ?').get(number) as {
        id: string
      }
    ).id
    // Both clerks opened the card at version 1 and saved while offline.
    await a.call('accounts.edit', { accountId, expectedVersion: 1, changes: { residents: 4 } })
    await b.call('accounts.edit', { accountId, expectedVersion: 1, changes: { residents: 6 } })
    // The network comes back for both at once, one of them losing the answer to its push.
    proxy.next('drop-response')
    await Promise.all([a.sync().catch(() => undefined), b.sync().catch(() => undefined)])
    for (const desk of [a, b, a, b]) await desk.sync()

    const edits = [a, b].map((d) => d.outbox().find((e) => e.name === 'account.edit')!)
    expect(edits.map((e) => e.status).sort()).toEqual(['done', 'rejected'])
    const loser = edits.find((e) => e.status === 'rejected')!
    expect(loser.rejectReason).toMatch(/^Счет уже изменил/)
    const winner = edits[0]!.status === 'done' ? 4 : 6
    const [row] = await queryRows<{ residents: number; version: number }>(
      database.db,
      sql`SELECT residents, version FROM accounts WHERE id = ${accountId}`,
    )
    expect([Number(row!.residents), Number(row!.version)]).toEqual([winner, 2])
    // Both replicas hold the server's value; each keeps its clerk's edit in its audit log.
    for (const [desk, typed] of [
      [a, 4],
      [b, 6],
    ] as const) {
      const local = desk.app.services.db.$client
      expect(
        (
          local.prepare('SELECT residents FROM accounts WHERE id = ?').get(accountId) as {
            residents: number
          }
        ).residents,
      ).toBe(winner)
      const audit = local
        .prepare(`SELECT details FROM audit_log WHERE action = 'account.edit' AND account_id = ?`)
        .all(accountId) as { details: string }[]
      expect(audit).toHaveLength(1)
      expect(audit[0]!.details).toContain(`"new":${typed}`)
    }
    // The server's record has both, the applied one and the rejected one with its reason.
    const record = await queryRows<{ status: string; reason: string | null }>(
      database.db,
      sql`SELECT status, reason FROM applied_commands
           WHERE name = 'account.edit' AND args ->> 'accountId' = ${accountId} ORDER BY status`,
    )
    expect(record.map((r) => r.status)).toEqual(['applied', 'rejected'])
    await expectConverged(database.db, branch.branchId, [a, b])
  })

  it('refuses a workstation with a wrong secret', async () => {
    const branch = await seedBranch(database.db)
    const ws = await newWorkstation(database.db, branch.officeId)
    const response = await fetch(`${server.url}/sync/pull`, {
      method: 'POST',
      headers: workstationHeaders(ws, 'guess'),
      body: '{}',
    })
    expect(response.status).toBe(401)
  })
})
