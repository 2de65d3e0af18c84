import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../src-server/db/query'
import {
  seedAccountWithMeter,
  seedBranch,
  type SeededBranch,
  useSyncServer,
} from '../support/server'
import type { HeadlessClient } from './support/client'

const { database, desk } = useSyncServer()

/** An account with a one-zone meter read at 10 000 and then about 150 kWh a month. */
function accountWithMeter(branch: SeededBranch, number: string) {
  return seedAccountWithMeter(
    database.db,
    branch,
    number,
    { nextVerificationAt: '2031-05-01' },
    Array.from({ length: 6 }, (_, i) => {
      const readingDate = `2026-${String(i + 5).padStart(2, '0')}-20`
      return { id: `r-${number}-${i}`, zone: 'T1', value: 10_000 + 150 * i, readingDate }
    }),
  )
}

const submit = (
  client: HeadlessClient,
  accountId: string,
  meterId: string,
  value: string,
  confirmReason?: string,
) =>
  client.call<{ readingIds: string[] }>('readings.submit', {
    accountId,
    source: 'phone',
    readingDate: '2026-11-20',
    meters: [{ meterId, values: { T1: value } }],
    confirmReason,
  })

describe('readings through the server', () => {
  it('stores the same reading, checked again by the shared rules', async () => {
    const branch = await seedBranch(database.db)
    const { accountId, meterId } = await accountWithMeter(branch, '7750000001')
    const a = await desk(branch)
    const { readingIds } = await submit(a, accountId, meterId, '10900')
    await a.sync()
    const stored = await queryRows<{ id: string; value: number; consumption: number }>(
      database.db,
      sql`SELECT id, value, consumption FROM readings WHERE id = ${readingIds[0]!}`,
    )
    expect(stored).toEqual([{ id: readingIds[0], value: 10_900, consumption: 150 }])
    expect(a.outbox().map((e) => e.status)).toEqual(['done'])
  })

  it('rejects a reading that the server, knowing a newer one, finds impossible', async () => {
    const branch = await seedBranch(database.db)
    const { accountId, meterId } = await accountWithMeter(branch, '7750000002')
    const [a, b] = [await desk(branch), await desk(branch)]
    // Both take a call for the same meter while offline; b's caller misread a digit, and the
    // low consumption b's clerk confirmed is below what a already saved.
    await submit(a, accountId, meterId, '10900')
    await submit(b, accountId, meterId, '10800', 'абонент уехал в отпуск')
    await a.sync()
    await b.sync()
    const [entry] = b.outbox()
    expect(entry).toMatchObject({ status: 'rejected', name: 'reading.submit' })
    expect(entry!.rejectReason).toBeTruthy()
    const stored = await queryRows<{ value: number }>(
      database.db,
      sql`SELECT value FROM readings WHERE meter_id = ${meterId} AND reading_date = '2026-11-20'`,
    )
    expect(stored).toEqual([{ value: 10_900 }])
  })
})
