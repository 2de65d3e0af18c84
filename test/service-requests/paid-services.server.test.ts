import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { loadServerDemo } from '../../src-server/admin/demo'
import { insertBranchRows } from '../../src-server/admin/reference'
import { runBilling } from '../../src-server/billing/run'
import { queryRow, queryRows } from '../../src-server/db/query'
import { useTestDatabase } from '../support/server'

const database = useTestDatabase()

describe('paid services on the next bill', () => {
  it('a done paid request becomes one charge line of the period it was done in, once', async () => {
    const { branchId } = await loadServerDemo(database.db, {
      seed: 11,
      accounts: 6,
      months: 4,
      today: '2026-11-20',
    })
    const account = (await queryRow<{ id: string; supplierId: string }>(
      database.db,
      sql`SELECT a.id, s.supplier_id AS "supplierId" FROM accounts a
            JOIN account_services s ON s.account_id = a.id AND s.service = 'electricity'
           WHERE a.status = 'open' ORDER BY a.id LIMIT 1`,
    ))!
    const request = (id: string, status: string, price: number, doneOn: string | null) => ({
      id,
      accountId: account.id,
      number: `З-T-${id}`,
      kind: 'sealing',
      contactPhone: '+79101234567',
      price,
      supplierId: price > 0 ? account.supplierId : null,
      status,
      registeredAt: '2026-11-02T08:00:00.000Z',
      doneOn,
      updatedAt: '2026-11-10T08:00:00.000Z',
    })
    await insertBranchRows(database.db, branchId, [
      {
        table: 'service_requests',
        rows: [
          request('paid-done', 'done', 150_000, '2026-11-10'),
          request('free-done', 'done', 0, '2026-11-11'),
          request('paid-scheduled', 'scheduled', 150_000, null),
          request('paid-december', 'done', 150_000, '2026-12-01'),
        ],
      },
    ])

    const [run] = await runBilling(database.db, {
      period: '2026-11',
      now: () => '2026-12-01T03:00:00.000Z',
    })
    expect(run!.status).toBe('closed')
    const lines = await queryRows<{ amount: number; volume: string; zone: string | null }>(
      database.db,
      sql`SELECT amount, volume, zone FROM charges
           WHERE account_id = ${account.id} AND period = '2026-11' AND basis IS NULL
             AND kind = 'charge'`,
    )
    expect(lines.map((l) => [Number(l.amount), l.volume, l.zone])).toEqual([[150_000, '1', null]])
    const bill = (await queryRow<{ charged: number }>(
      database.db,
      sql`SELECT charged FROM bills WHERE account_id = ${account.id} AND period = '2026-11'`,
    ))!
    const sum = (await queryRow<{ n: number }>(
      database.db,
      sql`SELECT sum(amount) AS n FROM charges
           WHERE account_id = ${account.id} AND period = '2026-11' AND kind <> 'penalty'`,
    ))!
    expect(Number(bill.charged)).toBe(Number(sum.n))
    const charged = await queryRows<{ id: string; chargedPeriod: string | null }>(
      database.db,
      sql`SELECT id, charged_period AS "chargedPeriod" FROM service_requests
           WHERE account_id = ${account.id} ORDER BY id`,
    )
    expect(charged).toEqual([
      { id: 'free-done', chargedPeriod: null },
      { id: 'paid-december', chargedPeriod: null },
      { id: 'paid-done', chargedPeriod: '2026-11' },
      { id: 'paid-scheduled', chargedPeriod: null },
    ])
  })
})
