import { sql } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { queryRows } from '../../src-server/db/query'
import { cancelMessages } from '../../src-main/payments/cancel-online'
import { listSyncCommands } from '../../src-main/sync/outbox-list'
import { readSyncState } from '../../src-main/sync/sync-state'
import type { PaymentHistoryLine } from '../../src-shared/payments/contract'
import { syncMessages } from '../../src-shared/sync/messages'
import { testOperators } from '../support/temp-app'
import {
  seedAccountWithDebt,
  seedAccountWithMeter,
  seedBranch,
  type SeededBranch,
  useSyncServer,
} from '../support/server'
import type { HeadlessClient } from './support/client'
import { FaultProxy } from './support/fault-proxy'

// The case: two desks refund one payment, two clerks delete one reading. The server keeps
// one fact of each; the other desk's pull never stops on its own refused fact, which is set aside
// (in no balance, on its sync screen) while the server's takes its place.

const { database, server, pulled: desk } = useSyncServer()
const [clerk, cashier, supervisor] = testOperators

/** The desk's network goes down (a port nothing listens on) or comes back. */
function network(client: HeadlessClient, up: boolean) {
  client.app.services.db.$client
    .prepare('UPDATE sync_state SET server_url = ? WHERE id = 1')
    .run(up ? server.url : 'http://127.0.0.1:9/')
}

const as = (client: HeadlessClient, branch: SeededBranch, op: (typeof testOperators)[number]) =>
  client.login(branch.login(op.login), op.password)

function payCash(client: HeadlessClient, branch: SeededBranch, accountId: string, amount: number) {
  return client.call<{ paymentId: string; receiptNumber: string }>('payments.record', {
    accountId,
    lines: [{ supplierId: branch.supplierId, service: 'electricity', amount }],
    method: 'cash',
    cashGiven: amount,
  })
}

const cancel = (client: HeadlessClient, paymentId: string) =>
  client.call<{ receiptNumber: string }>('payments.cancel', { paymentId, reason: 'ошибка' })

const local = (client: HeadlessClient, query: string, ...args: unknown[]) =>
  client.app.services.db.$client.prepare(query).all(...args)

const ids = (client: HeadlessClient, table: string) =>
  (local(client, `SELECT id FROM ${table} ORDER BY id`) as { id: string }[]).map((r) => r.id)

async function serverIds(table: string, branch: SeededBranch) {
  const rows = await queryRows<{ id: string }>(
    database.db,
    sql`SELECT id FROM ${sql.raw(table)} WHERE branch_id = ${branch.branchId} ORDER BY id`,
  )
  return rows.map((r) => r.id)
}

/** The account's balance by the server's rows: charges less the payments not cancelled. */
async function serverBalance(accountId: string) {
  const [row] = await queryRows<{ balance: string }>(
    database.db,
    sql`SELECT (SELECT coalesce(sum(amount), 0) FROM charges WHERE account_id = ${accountId})
             - (SELECT coalesce(sum(p.amount), 0) FROM payments p
                 WHERE p.account_id = ${accountId}
                   AND NOT EXISTS (SELECT 1 FROM payment_cancellations x WHERE x.payment_id = p.id))
             AS balance`,
  )
  return Number(row!.balance)
}

const balance = async (client: HeadlessClient, accountId: string) =>
  (await client.call<{ totalBalance: number }>('accounts.card', { accountId })).totalBalance

async function history(client: HeadlessClient, accountId: string) {
  return client.call<PaymentHistoryLine[]>('payments.history', {
    accountId,
    from: '2020-01-01',
    to: '2030-12-31',
  })
}

/** A branch, an account of it owing, and two desks that have pulled it (A through `aUrl`). */
async function twoDesks(accountNumber: string, aUrl?: string) {
  const branch = await seedBranch(database.db)
  const accountId = await seedAccountWithDebt(database.db, branch, accountNumber)
  const [a, b] = [await desk(branch, aUrl), await desk(branch)]
  return { branch, accountId, a, b }
}

/** The cashier logs in at the desk and opens a shift with this cash in the drawer. */
async function openShift(client: HeadlessClient, branch: SeededBranch, openingCash: number) {
  await as(client, branch, cashier)
  await client.call('shifts.open', { openingCash })
}

/** A cash payment taken at `payer` in a shift it opens, pushed, then pulled by `other`: its id. */
async function paymentPulled(
  { branch, accountId }: { branch: SeededBranch; accountId: string },
  [payer, other]: [HeadlessClient, HeadlessClient],
  openingCash: number,
  amount: number,
) {
  await openShift(payer, branch, openingCash)
  const { paymentId } = await payCash(payer, branch, accountId, amount)
  await payer.sync()
  await other.sync()
  return paymentId
}

describe('two desks cancel one payment', () => {
  it('the server keeps one refund; desk A sets its own aside, pulls on, converges and shows its shift’s difference', async () => {
    const scene = await twoDesks('7790000001')
    const { branch, accountId, a, b } = scene

    // 1. Desk A takes a payment; both desks sync. Desk A's network goes down.
    const paymentId = await paymentPulled(scene, [a, b], 500_000, 100_000)
    network(a, false)
    // The dialog says which rule holds: A took it (offline too), B only online.
    expect((await history(a, accountId))[0]!.cancelsOnlyOnline).toBe(false)
    await as(b, branch, supervisor)
    expect((await history(b, accountId))[0]!.cancelsOnlyOnline).toBe(true)

    // 2. The supervisor at desk B cancels it: online, the server answers before the refund.
    await openShift(b, branch, 500_000)
    await as(b, branch, supervisor)
    await cancel(b, paymentId)
    expect(await serverIds('payment_cancellations', branch)).toEqual(
      ids(b, 'payment_cancellations'),
    )

    // 3. The supervisor at desk A cancels it too, offline: its own payment, so it may.
    await as(a, branch, supervisor)
    const ours = await cancel(a, paymentId)
    await as(a, branch, cashier)
    const { shiftId } = await a.call<{ shiftId: string }>('shifts.close', { countedCash: 500_000 })

    // 4. Desk A comes back: its cancellation is rejected, and its pull goes on.
    network(a, true)
    const report = await a.sync()
    const entries = a.outbox()
    expect(entries.find((e) => e.name === 'payment.cancel')).toMatchObject({
      status: 'rejected',
      rejectReason: syncMessages.paymentAlreadyCancelled,
    })
    expect(entries.filter((e) => e.status === 'pending' || e.status === 'sent')).toEqual([])
    expect(readSyncState(a.app.services.db)!.lastError).toBeNull()
    // Verify ran after the rejection and found the replica as the server holds it.
    expect(report.verified).toEqual({ compared: true, repulled: [] })

    // The rejected cancellation is on A's sync screen, set aside with the server's reason.
    const screen = listSyncCommands(a.app.services.db, { shiftDifferences: true })
    expect(screen.rejected.map((r) => [r.name, r.reason])).toEqual([
      ['payment.cancel', syncMessages.paymentAlreadyCancelled],
    ])
    expect(screen.setAside).toEqual([
      expect.objectContaining({
        kind: 'Отмена платежа',
        receiptNumber: ours.receiptNumber,
        amount: 100_000,
        accountNumber: '7790000001',
        reason: syncMessages.paymentAlreadyCancelled,
      }),
    ])
    // 5. Its shift shows the refund the server does not hold, named.
    expect(screen.shiftDifferences).toEqual([
      expect.objectContaining({
        shiftId,
        reported: { count: 1, total: 100_000 },
        held: { count: 1, total: 100_000 },
        reportedCancellations: { count: 1, total: 100_000 },
        heldCancellations: { count: 0, total: 0 },
        rejectedCancellations: [
          expect.objectContaining({
            receiptNumber: ours.receiptNumber,
            amount: 100_000,
            reason: syncMessages.paymentAlreadyCancelled,
          }),
        ],
      }),
    ])

    // Desk A sees the branch's next payment: its pull is not stuck.
    await as(b, branch, cashier)
    const next = await payCash(b, branch, accountId, 40_000)
    await b.sync()
    await a.sync()
    expect(ids(a, 'payments')).toContain(next.paymentId)

    // Both desks converge: the same rows and balances as the server.
    for (const table of ['payments', 'payment_cancellations']) {
      const held = await serverIds(table, branch)
      expect(ids(a, table)).toEqual(held)
      expect(ids(b, table)).toEqual(held)
    }
    const expected = await serverBalance(accountId)
    expect(await balance(a, accountId)).toBe(expected)
    expect(await balance(b, accountId)).toBe(expected)
  })

  it('a shift closed after its refund was set aside still reports it, and the server flags the shift', async () => {
    const scene = await twoDesks('7790000006')
    const { branch, a, b } = scene
    const paymentId = await paymentPulled(scene, [a, b], 500_000, 60_000)
    network(a, false)
    await openShift(b, branch, 0)
    await as(b, branch, supervisor)
    await cancel(b, paymentId)
    await as(a, branch, supervisor)
    const ours = await cancel(a, paymentId)
    network(a, true)
    await a.sync()
    // Back online, the cashier closes: the refund left this drawer, so the report counts it.
    await as(a, branch, cashier)
    const { shiftId, report } = await a.call<{
      shiftId: string
      report: { cancellations: { count: number; total: number }; expectedCash: number }
    }>('shifts.close', { countedCash: 500_000 })
    expect(report.cancellations).toEqual({ count: 1, total: 60_000 })
    expect(report.expectedCash).toBe(500_000)
    await a.sync()
    const [difference] = listSyncCommands(a.app.services.db, {
      shiftDifferences: true,
    }).shiftDifferences
    expect(difference).toMatchObject({
      shiftId,
      reportedCancellations: { count: 1, total: 60_000 },
      heldCancellations: { count: 0, total: 0 },
      rejectedCancellations: [expect.objectContaining({ receiptNumber: ours.receiptNumber })],
    })
  })

  it('offline, a desk cannot cancel a payment taken at another desk', async () => {
    const scene = await twoDesks('7790000002')
    const { branch, a, b } = scene
    const paymentId = await paymentPulled(scene, [b, a], 0, 50_000)
    await openShift(a, branch, 100_000)
    network(a, false)
    await as(a, branch, supervisor)
    await expect(cancel(a, paymentId)).rejects.toThrow(cancelMessages.offline)
    expect(local(a, 'SELECT * FROM payment_cancellations')).toEqual([])
    expect(a.outbox().map((e) => e.name)).not.toContain('payment.cancel')
  })

  it('online, the server refuses at once a cancellation another desk made first; nothing is refunded', async () => {
    const scene = await twoDesks('7790000003')
    const { branch, accountId, a, b } = scene
    const paymentId = await paymentPulled(scene, [b, a], 0, 50_000)
    // B cancels its own payment; A has not pulled it yet and tries too.
    await as(b, branch, supervisor)
    await cancel(b, paymentId)
    await b.sync()
    await openShift(a, branch, 100_000)
    await as(a, branch, supervisor)
    await expect(cancel(a, paymentId)).rejects.toThrow(
      cancelMessages.rejected(syncMessages.paymentAlreadyCancelled),
    )
    expect(local(a, 'SELECT * FROM payment_cancellations')).toEqual([])
    // The refund that was not handed out is not in the drawer either.
    await as(a, branch, cashier)
    const { report } = await a.call<{ report: { cancellations: { count: number } } }>(
      'shifts.report',
      {},
    )
    expect(report.cancellations.count).toBe(0)
    await a.sync()
    expect(ids(a, 'payment_cancellations')).toEqual(
      await serverIds('payment_cancellations', branch),
    )
    expect(await balance(a, accountId)).toBe(await serverBalance(accountId))
  })
})

describe('a cancellation whose answer is lost', () => {
  it('waits for the server, which takes it once; the clerk is told to wait', async () => {
    const proxy = await new FaultProxy(server.url).start()
    try {
      const scene = await twoDesks('7790000005', proxy.url)
      const { branch, a, b } = scene
      const paymentId = await paymentPulled(scene, [b, a], 0, 50_000)
      await openShift(a, branch, 100_000)
      const before = proxy.seen.length
      await as(a, branch, supervisor)
      // The cashier's logout reaches the server in the background: past it, only the cancel talks.
      await vi.waitFor(() =>
        expect(proxy.seen.slice(before).map((r) => r.path)).toContain('/operators/logout'),
      )
      // The server answers the check, takes the cancellation, and its answer is lost (twice:
      // the client sends once more on a fresh connection).
      proxy.next({ delayMs: 0 }, 'drop-response', 'drop-response')
      await expect(cancel(a, paymentId)).rejects.toThrow(cancelMessages.noAnswer)
      expect(a.outbox().find((e) => e.name === 'payment.cancel')!.status).toBe('pending')
      await a.sync()
      expect(a.outbox().find((e) => e.name === 'payment.cancel')!.status).toBe('done')
      const held = await serverIds('payment_cancellations', branch)
      expect(held).toHaveLength(1)
      expect(ids(a, 'payment_cancellations')).toEqual(held)
    } finally {
      await proxy.close()
    }
  })
})

describe('two clerks delete one reading', () => {
  it('the server keeps one deletion; the other desk sets its own aside and pulls on', async () => {
    const branch = await seedBranch(database.db)
    const { accountId, meterId } = await seedAccountWithMeter(database.db, branch, '7790000004', {
      nextVerificationAt: '2031-05-01',
    })
    const [a, b] = [await desk(branch), await desk(branch)]
    await as(a, branch, clerk)
    const { readingIds } = await a.call<{ readingIds: string[] }>('readings.submit', {
      accountId,
      source: 'phone',
      readingDate: '2026-11-20',
      meters: [{ meterId, values: { T1: '10150' } }],
    })
    const readingId = readingIds[0]!
    await a.sync()
    await b.sync()
    network(a, false)
    // The supervisor at B deletes it and syncs; the clerk at A, offline, deletes it too.
    await as(b, branch, supervisor)
    await b.call('readings.delete', { readingId, reason: 'ошибка ввода' })
    await b.sync()
    await a.call('readings.delete', { readingId, reason: 'абонент ошибся' })
    network(a, true)
    await a.sync()

    expect(a.outbox().find((e) => e.name === 'reading.delete')).toMatchObject({
      status: 'rejected',
      rejectReason: syncMessages.readingAlreadyDeleted,
    })
    const held = await serverIds('reading_deletions', branch)
    expect(held).toHaveLength(1)
    expect(ids(a, 'reading_deletions')).toEqual(held)
    expect(ids(b, 'reading_deletions')).toEqual(held)
    expect(listSyncCommands(a.app.services.db, { shiftDifferences: false }).setAside).toEqual([
      expect.objectContaining({
        kind: 'Удаление показания',
        accountNumber: '7790000004',
        reason: syncMessages.readingAlreadyDeleted,
      }),
    ])
    // A's pull goes on: B's next reading of the branch arrives.
    await as(b, branch, clerk)
    const next = await b.call<{ readingIds: string[] }>('readings.submit', {
      accountId,
      source: 'phone',
      readingDate: '2026-11-21',
      meters: [{ meterId, values: { T1: '10160' } }],
    })
    await b.sync()
    await a.sync()
    expect(ids(a, 'readings')).toContain(next.readingIds[0])
    expect(ids(a, 'readings')).toEqual(await serverIds('readings', branch))
  })
})
