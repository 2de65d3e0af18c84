import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerDatabase } from '../../src-server/db/connection'
import { queryRows } from '../../src-server/db/query'
import { testOperators } from '../support/temp-app'
import {
  newWorkstation,
  seedAccountWithDebt,
  seedBranch,
  startTestServer,
  testServerDatabase,
  type RunningServer,
} from '../server/support/server'
import { headlessClient } from './support/client'

let database: ServerDatabase
let server: RunningServer
const [, cashier] = testOperators
beforeAll(async () => {
  database = await testServerDatabase()
  server = await startTestServer(database.db)
})
afterAll(async () => {
  await server.close()
  await database.close()
})

describe('a closed shift on the server', () => {
  it('arrives with its Z report, compared with the payments the server holds', async () => {
    const branch = await seedBranch(database.db)
    const accountId = await seedAccountWithDebt(database.db, branch, '7770000001')
    const desk = headlessClient(server.url, await newWorkstation(database.db, branch.officeId))
    try {
      await desk.sync()
      await desk.login(branch.login(cashier.login), cashier.password)
      await desk.call('shifts.open', { openingCash: 100_000 })
      for (const amount of [15_000, 25_000]) {
        await desk.call('payments.record', {
          accountId,
          lines: [{ supplierId: branch.supplierId, service: 'electricity', amount }],
          method: 'cash',
          cashGiven: amount,
        })
      }
      const { shiftId } = await desk.call<{ shiftId: string }>('shifts.close', {
        countedCash: 140_000,
      })
      await desk.sync()
      const [shift] = await queryRows<{ closed: boolean; counted: number }>(
        database.db,
        sql`SELECT closed_at IS NOT NULL AS closed, counted_cash AS counted FROM shifts
             WHERE id = ${shiftId}`,
      )
      expect(shift).toEqual({ closed: true, counted: 140_000 })
      const [close] = await queryRows<{ result: { totalsDiffer: boolean } }>(
        database.db,
        sql`SELECT result FROM applied_commands WHERE name = 'shift.close'
             AND workstation_id = (SELECT workstation_id FROM shifts WHERE id = ${shiftId})`,
      )
      expect(close!.result).toMatchObject({
        totalsDiffer: false,
        held: { count: 2, total: 40_000 },
      })
      expect(desk.outbox().every((e) => e.status === 'done')).toBe(true)
    } finally {
      desk.cleanup()
    }
  })
})
