import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { insertBranchRows } from '../../src-server/admin/reference'
import { queryRows } from '../../src-server/db/query'
import { accountInput, testOperators } from '../support/temp-app'
import { newWorkstation, seedAccountWithDebt, seedBranch, useSyncServer } from '../support/server'
import { headlessClient } from './support/client'
import { cursorWatch, expectConverged } from './support/scenario'

// The week is 5,000 payments, 2,000 readings, 300 registrations against 50,000 server
// changes: WEEK_SCALE=1 runs that; the default tenth keeps the suite quick.
const scale = Number(process.env.WEEK_SCALE ?? 0.1)
const n = {
  payments: Math.round(5000 * scale),
  readings: Math.round(2000 * scale),
  registrations: Math.round(300 * scale),
  serverChanges: Math.round(50_000 * scale),
}
const [clerk, cashier] = testOperators
const { database, server } = useSyncServer()

describe('a week offline', () => {
  it(
    `delivers ${n.payments} payments, ${n.readings} readings and ${n.registrations} registrations once while the server took ${n.serverChanges} changes`,
    { timeout: 600_000 },
    async () => {
      const branch = await seedBranch(database.db)
      const payable = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          seedAccountWithDebt(database.db, branch, `776000000${i}`),
        ),
      )
      // One meter per reading, each read at 10 000 in October.
      const meters = Array.from({ length: n.readings }, (_, i) => ({
        id: `wm-${i}`,
        accountId: payable[i % payable.length]!,
      }))
      await insertBranchRows(database.db, branch.branchId, [
        {
          table: 'meters',
          rows: meters.map((m, i) => ({
            ...m,
            service: 'electricity',
            model: 'Нева 101',
            serialNumber: `W${i}`,
            zones: 1,
            intDigits: 6,
            fracDigits: 0,
            installedAt: '2020-01-01',
            nextVerificationAt: '2036-01-01',
          })),
        },
        {
          table: 'readings',
          rows: meters.map((m) => ({
            id: `wr-${m.id}`,
            meterId: m.id,
            accountId: m.accountId,
            zone: 'T1',
            rawValue: '10000',
            value: 10_000,
            readingDate: '2026-10-20',
            enteredAt: '2026-10-20T10:00:00.000Z',
            period: '2026-10',
            source: 'phone',
            status: 'billed',
          })),
        },
      ])
      const desk = headlessClient(server.url, await newWorkstation(database.db, branch.officeId))
      try {
        await desk.sync()
        const watch = cursorWatch(desk)

        // Offline: the network is gone (nothing syncs), the clerks keep working.
        await desk.login(branch.login(cashier.login), cashier.password)
        await desk.call('shifts.open', { openingCash: 0 })
        for (let i = 0; i < n.payments; i++) {
          await desk.call('payments.record', {
            accountId: payable[i % payable.length],
            lines: [{ supplierId: branch.supplierId, service: 'electricity', amount: 100 + i }],
            method: 'card',
            cardReference: `RRN${i}`,
          })
        }
        await desk.login(branch.login(clerk.login), clerk.password)
        for (const m of meters) {
          await desk.call('readings.submit', {
            accountId: m.accountId,
            source: 'phone',
            readingDate: '2026-11-20',
            meters: [{ meterId: m.id, values: { T1: '10150' } }],
            confirmReason: 'абонент подтвердил',
          })
        }
        for (let i = 0; i < n.registrations; i++) {
          await desk.call('accounts.register', {
            ...accountInput({
              number: String(7_761_000_000 + i),
              officeId: branch.officeId,
            }),
          })
        }
        // Meanwhile the office's billing adds charges centrally.
        await insertBranchRows(database.db, branch.branchId, [
          {
            table: 'charges',
            rows: Array.from({ length: n.serverChanges }, (_, i) => ({
              id: `wc-${i}`,
              accountId: payable[i % payable.length],
              supplierId: branch.supplierId,
              service: 'electricity',
              period: '2026-11',
              kind: 'recalculation',
              amount: 1,
              createdAt: '2026-11-21T00:00:00.000Z',
            })),
          },
        ])

        const started = performance.now()
        await desk.sync()
        console.log(`week offline: reconnect sync ${Math.round(performance.now() - started)} ms`)
        watch()
        expect(desk.outbox().filter((e) => e.status !== 'done')).toEqual([])

        const totals = async (scope: 'server' | 'replica') => {
          const q = `SELECT count(*) AS n, coalesce(sum(amount), 0) AS total FROM payments`
          if (scope === 'replica') return desk.app.services.db.$client.prepare(q).get()
          const [row] = await queryRows<{ n: number; total: number }>(
            database.db,
            sql`SELECT count(*) AS n, coalesce(sum(amount), 0)::bigint AS total FROM payments
                 WHERE branch_id = ${branch.branchId}`,
          )
          return row
        }
        const expected = { n: n.payments, total: (n.payments * (200 + n.payments - 1)) / 2 }
        expect(await totals('server')).toEqual(expected)
        expect(await totals('replica')).toEqual(expected)
        const charges = desk.app.services.db.$client
          .prepare(`SELECT count(*) AS n FROM charges WHERE kind = 'recalculation'`)
          .get() as { n: number }
        expect(charges.n).toBe(n.serverChanges)
        const [readings] = await queryRows<{ n: number }>(
          database.db,
          sql`SELECT count(*) AS n FROM readings
               WHERE branch_id = ${branch.branchId} AND reading_date = '2026-11-20'`,
        )
        expect(readings!.n).toBe(n.readings)
        await expectConverged(database.db, branch.branchId, [desk])
      } finally {
        desk.cleanup()
      }
    },
  )
})
