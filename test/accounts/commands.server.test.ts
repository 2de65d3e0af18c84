import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../src-server/db/query'
import type { AccountCard } from '../../src-shared/accounts/types'
import { syncMessages } from '../../src-shared/sync/messages'
import type { HeadlessClient } from '../sync/support/client'
import { readingRowColumns } from '../sync/support/reading-row'
import { accountInput, testOperators } from '../support/temp-app'
import {
  branchAccountInput,
  seedBranch,
  type SeededBranch,
  seedMeter,
  useSyncServer,
} from '../support/server'

const { database, desk } = useSyncServer()
const [clerk, , supervisor] = testOperators
/** An account registered at `a` and pulled by the other desks. */
async function registered(
  branch: SeededBranch,
  a: HeadlessClient,
  number: string,
  ...others: HeadlessClient[]
) {
  const { accountId } = await a.call<{ accountId: string }>(
    'accounts.register',
    branchAccountInput(branch, number),
  )
  await a.sync()
  for (const o of others) await o.sync()
  return accountId
}

const serverRows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query)

/** An account registered at `a` with one meter read at 10 000 on the server, pulled by `a`. */
async function registeredWithMeter(branch: SeededBranch, a: HeadlessClient, number: string) {
  const accountId = await registered(branch, a, number)
  await seedMeter(
    database.db,
    branch,
    { id: `m-${accountId}`, accountId, serialNumber: `S${number}` },
    [{ id: `r-${accountId}`, zone: 'T1', value: 10_000, readingDate: '2026-01-20' }],
  )
  await a.sync()
  return accountId
}

/** The account closed on 2026-02-01 (moved out), its meter's final reading 10 250. */
const closeAccount = (client: HeadlessClient, accountId: string) =>
  client.call('accounts.close', {
    accountId,
    expectedVersion: 1,
    date: '2026-02-01',
    reason: 'Выезд',
    finalReadings: [{ meterId: `m-${accountId}`, zone: 'T1', value: '10250' }],
  })

describe('account commands on the server', () => {
  it('applies an edit: the fields, the version and the services; other desks pull it', async () => {
    const branch = await seedBranch(database.db)
    const [a, b] = [await desk(branch), await desk(branch)]
    const accountId = await registered(branch, a, '7790000001', b)
    await a.call('accounts.edit', {
      accountId,
      expectedVersion: 1,
      changes: {
        residents: 1,
        address: { ...accountInput().address, flat: '14' },
        holder: { ...accountInput().holder, phone: '+79035556677' },
        services: [{ service: 'hot_water', supplierId: branch.supplierId }],
      },
    })
    await a.sync()
    expect(a.outbox().map((e) => e.status)).toEqual(['done', 'done'])
    const [row] = await serverRows<{
      version: number
      residents: number
      flat: string
      phone: string
    }>(
      sql`SELECT a.version, a.residents, a.flat, c.phone FROM accounts a JOIN customers c ON c.id = a.holder_id
           WHERE a.id = ${accountId}`,
    )
    expect({ ...row, version: Number(row!.version), residents: Number(row!.residents) }).toEqual({
      version: 2,
      residents: 1,
      flat: '14',
      phone: '+79035556677',
    })
    const services = await serverRows<{ service: string; gone: boolean }>(
      sql`SELECT service, deleted_at IS NOT NULL AS gone FROM account_services WHERE account_id = ${accountId} ORDER BY service`,
    )
    expect(services).toEqual([
      { service: 'electricity', gone: true },
      { service: 'hot_water', gone: false },
    ])
    await b.sync()
    const card = await b.call<AccountCard>('accounts.card', { accountId })
    expect(card).toMatchObject({ version: 2, residents: 1, holder: { phone: '+79035556677' } })
    expect(card.balances).toEqual([])
    const atB = b.app.services.db.$client
      .prepare('SELECT service FROM account_services WHERE account_id = ?')
      .all(accountId)
    expect(atB).toEqual([{ service: 'hot_water' }])
  })

  it('rejects the second of two edits made on the same version, naming who made the first', async () => {
    const branch = await seedBranch(database.db)
    const [a, b] = [await desk(branch), await desk(branch, supervisor)]
    const accountId = await registered(branch, a, '7790000002', b)
    // Both clerks opened the account at version 1 (b is offline while a saves and syncs).
    await a.call('accounts.edit', { accountId, expectedVersion: 1, changes: { residents: 5 } })
    await b.call('accounts.edit', { accountId, expectedVersion: 1, changes: { residents: 2 } })
    await a.sync()
    await b.sync()
    const [entry] = b.outbox()
    expect(entry).toMatchObject({ name: 'account.edit', status: 'rejected' })
    expect(entry!.rejectReason).toMatch(
      new RegExp(
        `^Счет уже изменил ${clerk.fullName} \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d, после того как вы открыли форму`,
      ),
    )
    const [row] = await serverRows<{ residents: number; version: number }>(
      sql`SELECT residents, version FROM accounts WHERE id = ${accountId}`,
    )
    expect([Number(row!.residents), Number(row!.version)]).toEqual([5, 2])
    // Both edits are on the server's record, with old and new values and the reason of the refusal.
    const record = await serverRows<{
      status: string
      args: { changes: unknown; before: unknown }
      reason: string | null
    }>(
      sql`SELECT status, args, reason FROM applied_commands WHERE name = 'account.edit' AND args ->> 'accountId' = ${accountId}
           ORDER BY at`,
    )
    expect(record.map((r) => [r.status, r.args.changes, r.args.before])).toEqual([
      ['applied', { residents: 5 }, { residents: 3 }],
      ['rejected', { residents: 2 }, { residents: 3 }],
    ])
    // b's replica takes the server's row back.
    expect((await b.call<AccountCard>('accounts.card', { accountId })).residents).toBe(5)
  })

  it('links and unlinks a person, records consents as new rows', async () => {
    const branch = await seedBranch(database.db)
    const [a, b] = [await desk(branch), await desk(branch)]
    const accountId = await registered(branch, a, '7790000003', b)
    const { linkId, customerId } = await a.call<{ linkId: string; customerId: string }>(
      'accounts.linkPerson',
      { accountId, relation: 'registered', person: { lastName: 'Смирнова', firstName: 'Вера' } },
    )
    await a.call('accounts.recordConsent', {
      accountId,
      kind: 'sms',
      given: true,
      date: '2026-01-10',
    })
    await a.call('accounts.recordConsent', {
      accountId,
      kind: 'sms',
      given: false,
      date: '2026-02-10',
    })
    await a.sync()
    await b.sync()
    let card = await b.call<AccountCard>('accounts.card', { accountId })
    expect(card.persons).toEqual([
      expect.objectContaining({ linkId, customerId, fullName: 'Смирнова Вера' }),
    ])
    expect(card.consents).toEqual([{ kind: 'sms', given: false, date: '2026-02-10' }])
    const consents = await serverRows<{ given: number }>(
      sql`SELECT given FROM consents WHERE account_id = ${accountId} ORDER BY date`,
    )
    expect(consents.map((c) => Number(c.given))).toEqual([1, 0])

    await b.call('accounts.unlinkPerson', { accountId, linkId })
    await b.sync()
    await a.sync()
    card = await a.call<AccountCard>('accounts.card', { accountId })
    expect(card.persons).toEqual([])
    expect(a.outbox().every((e) => e.status === 'done')).toBe(true)
  })

  it('registers a second account on a known customer: one customer, two accounts, on the server too', async () => {
    const branch = await seedBranch(database.db)
    const [a, b] = [await desk(branch), await desk(branch)]
    const first = await registered(branch, a, '7790000031', b)
    const card = await a.call<AccountCard>('accounts.card', { accountId: first })
    const [match] = await a.call<{ customerId: string }[]>('accounts.customers', {
      query: card.holder.fullName.split(' ')[0]!,
    })
    expect(match!.customerId).toBe(card.holder.customerId)
    const { accountId: second } = await a.call<{ accountId: string }>(
      'accounts.register',
      branchAccountInput(branch, '7790000032', { existingHolderId: match!.customerId }),
    )
    await a.sync()
    await b.sync()
    expect(a.outbox().every((e) => e.status === 'done')).toBe(true)
    const holders = await serverRows<{ holder: string }>(
      sql`SELECT DISTINCT holder_id AS holder FROM accounts WHERE id IN (${first}, ${second})`,
    )
    expect(holders).toEqual([{ holder: card.holder.customerId }])
    const seenAtB = await b.call<AccountCard>('accounts.card', { accountId: second })
    expect(seenAtB.holderAccounts.map((x) => x.number).sort()).toEqual(['7790000031', '7790000032'])
  })

  it('closes an account with final readings; a second close is rejected', async () => {
    const branch = await seedBranch(database.db)
    const [a, b] = [await desk(branch), await desk(branch)]
    const accountId = await registeredWithMeter(branch, a, '7790000004')
    await b.sync()
    await closeAccount(a, accountId)
    await closeAccount(b, accountId)
    await a.sync()
    await b.sync()
    expect(b.outbox().at(-1)).toMatchObject({
      status: 'rejected',
      rejectReason: 'Счет уже закрыт 2026-02-01.',
    })
    const [account] = await serverRows<{ status: string; closeReason: string }>(
      sql`SELECT status, close_reason AS "closeReason" FROM accounts WHERE id = ${accountId}`,
    )
    expect(account).toEqual({ status: 'closed', closeReason: 'Выезд' })
    const readings = await serverRows<{ value: number; consumption: number; flags: string }>(
      sql`SELECT value, consumption, flags FROM readings WHERE account_id = ${accountId} AND reading_date = '2026-02-01'`,
    )
    expect(readings.map((r) => [Number(r.value), Number(r.consumption), r.flags])).toEqual([
      [10_250, 250, '["final_reading"]'],
    ])
    const [meter] = await serverRows<{ status: string }>(
      sql`SELECT status FROM meters WHERE id = ${`m-${accountId}`}`,
    )
    expect(meter!.status).toBe('removed')
  })

  describe('account.close arguments versions', () => {
    /** An account with one meter, closed at the desk: its account.close waits in the outbox. */
    async function withMeter(branch: SeededBranch, a: HeadlessClient, number: string) {
      const accountId = await registeredWithMeter(branch, a, number)
      await closeAccount(a, accountId)
      return accountId
    }

    /** The waiting account.close rewritten in the outbox: its version, each final reading. */
    function rewriteClose(
      a: HeadlessClient,
      reading: (r: Record<string, unknown>) => Record<string, unknown>,
      version: number,
    ) {
      const sqlite = a.app.services.db.$client
      const row = sqlite
        .prepare(`SELECT id, args, args_version AS v FROM outbox WHERE name = 'account.close'`)
        .get() as { id: string; args: string; v: number }
      const sent = JSON.parse(row.args) as { readings: Record<string, unknown>[] }
      sqlite
        .prepare('UPDATE outbox SET args = ?, args_version = ? WHERE id = ?')
        .run(JSON.stringify({ ...sent, readings: sent.readings.map(reading) }), version, row.id)
      return sent
    }

    it('the workstation sends v2: the final readings as their ids, nothing more', async () => {
      const branch = await seedBranch(database.db)
      const a = await desk(branch)
      await withMeter(branch, a, '7790000011')
      const sent = rewriteClose(a, (r) => r, 2)
      expect(Object.keys(sent.readings[0]!).sort()).toEqual(['id', 'meterId', 'zone'])
      const row = a.app.services.db.$client
        .prepare(`SELECT args_version AS v FROM outbox WHERE name = 'account.close'`)
        .get() as { v: number }
      expect(row.v).toBe(2)
    })

    it('a v1 account.close from an old outbox, its readings whole rows, still applies', async () => {
      const branch = await seedBranch(database.db)
      const a = await desk(branch)
      const accountId = await withMeter(branch, a, '7790000012')
      // As the app before v2 wrote it: every column of the final reading rows.
      rewriteClose(a, (r) => ({ ...r, ...readingRowColumns, flags: '["final_reading"]' }), 1)
      await a.sync()
      expect(a.outbox().filter((e) => e.name === 'account.close')).toEqual([
        { status: 'done', name: 'account.close', rejectReason: null },
      ])
      const [account] = await serverRows<{ status: string }>(
        sql`SELECT status FROM accounts WHERE id = ${accountId}`,
      )
      expect(account!.status).toBe('closed')
    })

    it('a v2 with an unknown nested key is rejected with its reason; the queue behind goes on', async () => {
      const branch = await seedBranch(database.db)
      const a = await desk(branch)
      const accountId = await withMeter(branch, a, '7790000013')
      rewriteClose(a, (r) => ({ ...r, value: 1 }), 2)
      await a.call(
        'accounts.register',
        accountInput({ number: '7790000014', officeId: branch.officeId }),
      )
      await a.sync()
      expect(a.outbox().slice(-2)).toEqual([
        {
          status: 'rejected',
          name: 'account.close',
          rejectReason: syncMessages.unknownField('readings[0].value'),
        },
        { status: 'done', name: 'account.register', rejectReason: null },
      ])
      const [account] = await serverRows<{ status: string }>(
        sql`SELECT status FROM accounts WHERE id = ${accountId}`,
      )
      expect(account!.status).toBe('open')
      expect(
        await serverRows(sql`SELECT 1 FROM accounts WHERE number = '7790000014'`),
      ).toHaveLength(1)
    })
  })
})
