import { sql } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../src-server/db/query'
import { SyncedWriter, type Row } from '../../src-server/sync/synced-write'
import { seedBranch, useTestDatabase } from '../support/server'

const database = useTestDatabase()

/** A charge line (camelCase, as the period close queues them) with awkward values. */
function charge(i: number, period: string, accountId: string): Row {
  return {
    id: randomUUID(),
    accountId,
    supplierId: `supplier-${i % 3}`,
    service: i % 2 ? 'electricity' : 'heating',
    period,
    kind: i % 5 === 0 ? 'penalty' : 'charge',
    // Nulls, quotes, backslashes and Cyrillic travel as they are.
    volume: i % 4 === 0 ? null : `${i}.125`,
    basis: i % 5 === 0 ? null : `норма "${i}" \\ ${i}`,
    rateMillikopecks: i % 5 === 0 ? null : 712_345 + i,
    amount: i % 7 === 0 ? -9_007_199_254_740 + i : 12_345 * i,
    createdAt: '2026-11-30T21:00:00.000Z',
    zone: i % 3 === 0 ? null : 'day',
    recalculatedPeriod: i % 6 === 0 ? '2026-09' : null,
  }
}

const columns = sql`account_id, supplier_id, service, kind, volume, basis, rate_millikopecks, amount,
                    created_at, zone, recalculated_period, deleted_at`

async function charges(branchId: string, period: string) {
  return queryRows<Record<string, unknown>>(
    database.db,
    sql`SELECT id, ${columns}, sync_version AS "syncVersion" FROM charges
         WHERE branch_id = ${branchId} AND period = ${period} ORDER BY sync_version`,
  )
}

async function write(branchId: string, rows: Row[], upsert = false) {
  await database.db.transaction(async (tx) => {
    const w = new SyncedWriter(tx, branchId)
    await (upsert ? w.upsert('charges', rows) : w.insert('charges', rows))
    await w.flush()
  })
}

describe('synced rows written in bulk', () => {
  it('store the same values whether sent column by column (many rows) or as objects (a few)', async () => {
    const branch = await seedBranch(database.db)
    const account = randomUUID()
    const many = Array.from({ length: 250 }, (_, i) => charge(i, '2026-11', account))
    await write(branch.branchId, many)
    // The same lines a few at a time: the objects' statement.
    const few = many.map((r) => ({ ...r, id: randomUUID(), period: '2026-10' }))
    for (let i = 0; i < few.length; i += 10) await write(branch.branchId, few.slice(i, i + 10))

    const bulk = await charges(branch.branchId, '2026-11')
    const single = await charges(branch.branchId, '2026-10')
    const values = (rows: Record<string, unknown>[]) =>
      rows.map(({ id: _id, syncVersion: _v, ...rest }) => rest)
    expect(bulk).toHaveLength(250)
    expect(values(bulk)).toEqual(values(single))
    // In the order queued, each row with the next version of the branch's counter.
    expect(bulk.map((r) => r.id)).toEqual(many.map((r) => r.id))
    const first = Number(bulk[0]!.syncVersion)
    expect(bulk.map((r) => Number(r.syncVersion))).toEqual(bulk.map((_, i) => first + i))
    expect(bulk[7]).toMatchObject({ amount: -9_007_199_254_733, basis: 'норма "7" \\ 7' })
    expect(bulk[4]).toMatchObject({ volume: null, zone: 'day', rate_millikopecks: 712_349 })
  })

  it('take a column spelled both ways across the rows, and write over live rows and tombstones', async () => {
    const branch = await seedBranch(database.db)
    const account = randomUUID()
    // Half the rows say accountId, half account_id (a pushed row's snake_case keys).
    const rows: Row[] = Array.from({ length: 120 }, (_, i) => {
      const { accountId, ...rest } = charge(i, '2026-08', account)
      return i % 2 ? { ...rest, account_id: accountId } : { ...rest, accountId }
    })
    await write(branch.branchId, rows)
    expect((await charges(branch.branchId, '2026-08')).map((r) => r.account_id)).toEqual(
      rows.map(() => account),
    )
    await database.db.execute(
      sql`UPDATE charges SET deleted_at = '2026-12-01' WHERE id = ${rows[3]!.id as string}`,
    )
    const changed: Row[] = rows.map((r, i) => ({ ...r, amount: i, volume: null }))
    await write(branch.branchId, changed, true)
    const after = await charges(branch.branchId, '2026-08')
    expect(after).toHaveLength(120)
    expect(after.map((r) => [r.id, r.amount, r.volume, r.deleted_at])).toEqual(
      changed.map((r, i) => [r.id, i, null, null]),
    )
  })
})
