import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { loadServerDemo } from '../../src-server/admin/demo'
import { runBilling } from '../../src-server/billing/run'
import { queryRow, queryRows } from '../../src-server/db/query'
import { useTestDatabase } from '../support/server'

const database = useTestDatabase()
const demo = { seed: 7, accounts: 40, months: 8, today: '2026-11-20' }
const stamp = () => '2026-12-01T03:00:00.000Z'

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return Number((await queryRow<{ n: number }>(database.db, query))!.n)
}

/** Every account's ledger balance (DOMAIN "Money"), by account. */
async function ledgerBalances(): Promise<Map<string, number>> {
  const rows = await queryRows<{ id: string; balance: number }>(
    database.db,
    sql`SELECT a.id,
               (SELECT coalesce(sum(amount), 0) FROM opening_balances o WHERE o.account_id = a.id)
             + (SELECT coalesce(sum(amount), 0) FROM charges c WHERE c.account_id = a.id)
             - (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.account_id = a.id)
             + (SELECT coalesce(sum(p.amount), 0) FROM payments p
                  JOIN payment_cancellations x ON x.payment_id = p.id WHERE p.account_id = a.id)
               AS balance
          FROM accounts a`,
  )
  return new Map(rows.map((r) => [r.id, Number(r.balance)]))
}

describe('the period close on the server', () => {
  let branchId = ''

  it('bills every open account of the branch, stopped and resumed, once', async () => {
    const loaded = await loadServerDemo(database.db, demo)
    branchId = loaded.branchId
    const open = await count(sql`SELECT count(*) AS n FROM accounts WHERE status = 'open'`)
    const unbilled = await count(
      sql`SELECT count(*) AS n FROM readings WHERE status = 'accepted' AND period = '2026-11'`,
    )
    expect(unbilled).toBeGreaterThan(0)
    const versionBefore = await count(
      sql`SELECT max(sync_version) AS n FROM readings WHERE branch_id = ${branchId}`,
    )

    // Stopped after the first batch of 15...
    const stop = new AbortController()
    const first = await runBilling(database.db, {
      period: '2026-11',
      batchSize: 15,
      concurrency: 1,
      now: stamp,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.done >= 15) stop.abort()
      },
    })
    expect(first[0]!.status).toBe('stopped')
    expect(await count(sql`SELECT count(*) AS n FROM bills`)).toBe(15)
    // ...and resumed: every account has exactly one bill.
    const second = await runBilling(database.db, { period: '2026-11', batchSize: 15, now: stamp })
    expect(second[0]).toMatchObject({ status: 'closed', accounts: open - 15 })
    expect(
      await count(sql`SELECT count(DISTINCT account_id) AS n FROM bills WHERE period = '2026-11'`),
    ).toBeGreaterThanOrEqual(open)
    expect(await count(sql`SELECT count(*) AS n FROM bills`)).toBe(
      await count(sql`SELECT count(DISTINCT account_id) AS n FROM bills`),
    )
    // The period's readings were billed; nothing accepted of it is left.
    expect(
      await count(
        sql`SELECT count(*) AS n FROM readings r WHERE status = 'accepted' AND period = '2026-11'
              AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id)`,
      ),
    ).toBe(0)
    // Each billed reading took a new version of its own, so a pull carries its new status.
    const billedNow = await queryRows<{ v: number }>(
      database.db,
      sql`SELECT sync_version AS v FROM readings WHERE status = 'billed' AND period = '2026-11'`,
    )
    expect(billedNow.length).toBe(unbilled)
    expect(billedNow.every((r) => Number(r.v) > versionBefore)).toBe(true)
    expect(new Set(billedNow.map((r) => Number(r.v))).size).toBe(billedNow.length)
    const states = await queryRows<{ period: string; status: string }>(
      database.db,
      sql`SELECT period, status FROM billing_periods ORDER BY period`,
    )
    expect(states).toEqual([
      { period: '2026-11', status: 'closed' },
      { period: '2026-12', status: 'open' },
    ])
  })

  it('leaves each bill closing on the ledger balance, its lines summing to it', async () => {
    const balances = await ledgerBalances()
    const bills = await queryRows<{
      accountId: string
      opening: number
      charged: number
      penalties: number
      paid: number
      closing: number
      due: string
      lines: number
    }>(
      database.db,
      sql`SELECT b.account_id AS "accountId", b.opening_balance AS opening, b.charged,
                 b.penalties, b.paid, b.closing_balance AS closing, b.due_date AS due,
                 (SELECT coalesce(sum(amount), 0) FROM charges c
                   WHERE c.account_id = b.account_id AND c.period = b.period
                     AND c.kind <> 'penalty') AS lines
            FROM bills b WHERE b.period = '2026-11'`,
    )
    expect(bills.length).toBeGreaterThan(0)
    for (const b of bills) {
      expect(Number(b.closing)).toBe(
        Number(b.opening) + Number(b.charged) + Number(b.penalties) - Number(b.paid),
      )
      expect(Number(b.lines)).toBe(Number(b.charged))
      // No payment is dated after the period in the demo: the ledger agrees with the bill.
      expect(balances.get(b.accountId)).toBe(Number(b.closing))
      expect(b.due).toBe('2026-12-15')
    }
    const bases = await queryRows<{ basis: string }>(
      database.db,
      sql`SELECT DISTINCT basis FROM charges WHERE period = '2026-11' AND kind = 'charge'`,
    )
    expect(bases.map((b) => b.basis).sort()).toEqual(expect.arrayContaining(['meter', 'norm']))
  })

  it('never changes a closed period: running it again writes nothing', async () => {
    const before = await count(sql`SELECT count(*) AS n FROM charges`)
    const again = await runBilling(database.db, { period: '2026-11', now: stamp })
    expect(again[0]!.status).toBe('already-closed')
    expect(await count(sql`SELECT count(*) AS n FROM charges`)).toBe(before)
  })

  it('takes a reading pushed after the close into the next period, recalculating the estimate', async () => {
    // A single-rate meter whose November was estimated (no reading came in November).
    const meter = (await queryRow<{
      id: string
      accountId: string
      value: number
      estimate: string
    }>(
      database.db,
      sql`SELECT DISTINCT ON (r.meter_id) r.meter_id AS id, r.account_id AS "accountId", r.value,
                 c.volume AS estimate
            FROM readings r
            JOIN meters m ON m.id = r.meter_id
            JOIN charges c ON c.account_id = r.account_id AND c.period = '2026-11'
                          AND c.service = 'electricity' AND c.basis = 'average'
           WHERE m.zones = 1 AND m.service = 'electricity' AND m.status = 'active'
             AND r.status = 'billed' AND r.value < 90000
           ORDER BY r.meter_id, r.reading_date DESC, r.entered_at DESC LIMIT 1`,
    ))!
    expect(meter).toBeDefined()
    // Taken offline on 11-28, pushed after November was closed: its period is still November.
    await database.db.execute(
      sql`INSERT INTO readings (id, meter_id, account_id, zone, raw_value, value, reading_date,
                                entered_at, period, source, status, branch_id, sync_version)
          VALUES ('late-1', ${meter.id}, ${meter.accountId}, 'T1', ${String(Number(meter.value) + 77)},
                  ${Number(meter.value) + 77}, '2026-11-28', '2026-12-02T09:00:00.000Z', '2026-11',
                  'phone', 'accepted', ${branchId}, 999999)`,
    )
    await runBilling(database.db, { period: '2026-12', now: stamp })
    const lines = await queryRows<{
      kind: string
      volume: string
      recalculatedPeriod: string | null
    }>(
      database.db,
      sql`SELECT kind, volume, recalculated_period AS "recalculatedPeriod" FROM charges
           WHERE account_id = ${meter.accountId} AND period = '2026-12' AND service = 'electricity'
             AND kind <> 'penalty' ORDER BY kind`,
    )
    // 77 kWh over November (estimated) and December: 38 and 39; November's estimate corrected.
    expect(lines).toEqual([
      { kind: 'charge', volume: '39', recalculatedPeriod: null },
      {
        kind: 'recalculation',
        volume: String(38 - Number(meter.estimate)),
        recalculatedPeriod: '2026-11',
      },
    ])
    const late = await queryRow<{ status: string }>(
      database.db,
      sql`SELECT status FROM readings WHERE id = 'late-1'`,
    )
    expect(late!.status).toBe('billed')
  })

  it('refuses a period before one already closed', async () => {
    await expect(runBilling(database.db, { period: '2026-10', now: stamp })).rejects.toThrow(
      'период 2026-11 уже закрыт, 2026-10 рассчитать нельзя',
    )
  })
})
