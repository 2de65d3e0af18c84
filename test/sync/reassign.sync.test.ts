import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { clientFor } from '../../src-main/sync/sync-run'
import { currentDevice } from '../../src-main/workstation/device'
import { queryRows } from '../../src-server/db/query'
import { syncMessages } from '../../src-shared/sync/messages'
import { testOperators } from '../support/temp-app'
import {
  branchAccountInput,
  operatorIdOf,
  seedBranch,
  type SeededBranch,
  useSyncServer,
} from '../support/server'
import type { HeadlessClient } from './support/client'
import { expectConverged } from './support/scenario'

const { database, pulled: workstation } = useSyncServer()
const [clerk, cashier, supervisor] = testOperators

async function register(client: HeadlessClient, branch: SeededBranch, number: string) {
  await client.login(branch.login(clerk.login), clerk.password)
  const { accountId } = await client.call<{ accountId: string }>(
    'accounts.register',
    branchAccountInput(branch, number),
  )
  return accountId
}

async function payCash(client: HeadlessClient, branch: SeededBranch, accountId: string) {
  await client.login(branch.login(cashier.login), cashier.password)
  await client.call('shifts.open', { openingCash: 0 })
  return client.call<{ paymentId: string; receiptNumber: string }>('payments.record', {
    accountId,
    lines: [{ supplierId: branch.supplierId, service: 'electricity', amount: 250_000 }],
    method: 'cash',
    cashGiven: 250_000,
  })
}

function serverPayments(branch: SeededBranch) {
  return queryRows<{ id: string; number: string; receipt: string; amount: number }>(
    database.db,
    sql`SELECT p.id, a.number, p.receipt_number AS receipt, p.amount
          FROM payments p JOIN accounts a ON a.id = p.account_id
         WHERE a.branch_id = ${branch.branchId} ORDER BY p.receipt_number`,
  )
}

describe('a rejected payment moved to the right account', () => {
  it('an account number registered twice in two windows: the payment reaches the server once, on the account the server holds', async () => {
    const branch = await seedBranch(database.db)
    const [a, b] = [await workstation(branch), await workstation(branch)]
    // Both windows register 7730000001 offline; b reaches the server first, then a's cashier
    // takes money on a's copy of the account.
    await register(b, branch, '7730000001')
    const local = await register(a, branch, '7730000001')
    await b.sync()
    const paid = await payCash(a, branch, local)
    await a.sync()
    const rejected = a.outbox().filter((e) => e.status === 'rejected')
    expect(rejected.map((e) => e.name)).toEqual(['account.register', 'payment.record'])
    expect(await serverPayments(branch)).toEqual([])

    await a.login(branch.login(supervisor.login), supervisor.password)
    const listed = await a.call<{ rejected: { id: string; name: string }[] }>('sync.commands', {})
    const payment = listed.rejected.find((c) => c.name === 'payment.record')!
    const resolution = await a.call('sync.resolve', {
      commandId: payment.id,
      kind: 'reassigned',
      note: 'Счет зарегистрирован дважды, платеж на счет из окна b',
      accountNumber: '7730000001',
    })
    expect(resolution).toMatchObject({ kind: 'reassigned', accountNumber: '7730000001' })
    await a.sync()
    await b.sync()

    // Once, with the receipt the payer holds, on the server's account 7730000001.
    expect(await serverPayments(branch)).toEqual([
      { id: paid.paymentId, number: '7730000001', receipt: paid.receiptNumber, amount: 250_000 },
    ])
    for (const client of [a, b]) {
      const onReplica = client.app.services.db.$client
        .prepare(
          `SELECT a.number, p.receipt_number AS receipt FROM payments p
             JOIN accounts a ON a.id = p.account_id`,
        )
        .all()
      expect(onReplica).toEqual([{ number: '7730000001', receipt: paid.receiptNumber }])
    }
    // The rejections stay, resolved; the move itself is done.
    expect(a.outbox().map((e) => [e.name, e.status])).toEqual([
      ['account.register', 'rejected'],
      ['shift.open', 'done'],
      ['payment.record', 'rejected'],
      ['payment.reassign', 'done'],
    ])
    await expectConverged(database.db, branch.branchId, [a, b])
  })

  it('the server takes a move only of a payment it rejected: one it took cannot come twice', async () => {
    const branch = await seedBranch(database.db)
    const a = await workstation(branch)
    const accountId = await register(a, branch, '7730000002')
    await payCash(a, branch, accountId)
    await a.sync()
    const sqlite = a.app.services.db.$client
    const taken = sqlite
      .prepare(`SELECT id, args FROM outbox WHERE name = 'payment.record'`)
      .get() as { id: string; args: string }
    const other = await register(a, branch, '7730000003')
    await a.sync()

    // A hand-made move of the payment the server applied, as a tampered replica would send it.
    const seq = sqlite
      .prepare('UPDATE device_state SET last_sequence = last_sequence + 1 RETURNING last_sequence')
      .pluck()
      .get() as number
    const answer = await clientFor(a.app.services.db, '1.0.0')!.push(
      currentDevice(a.app.services.db).deviceId,
      [
        {
          id: crypto.randomUUID(),
          seq,
          name: 'payment.reassign',
          argsVersion: 1,
          args: { ...JSON.parse(taken.args), accountId: other, rejectedCommandId: taken.id },
          operatorId: await operatorIdOf(database.db, branch.login('super')),
          at: new Date().toISOString(),
        },
      ],
    )
    expect(answer.outcomes).toEqual([
      expect.objectContaining({ status: 'rejected', reason: syncMessages.rejectedPaymentNotFound }),
    ])
    expect((await serverPayments(branch)).map((p) => p.number)).toEqual(['7730000002'])
  })
})
