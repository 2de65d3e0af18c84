import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../src-server/db/query'
import { testOperators } from '../support/temp-app'
import { newWorkstation, seedAccountWithDebt, seedBranch, useSyncServer } from '../support/server'
import { runSync } from '../../src-main/sync/sync-run'
import type { ShiftDifference } from '../../src-shared/sync/contract'
import { headlessClient } from '../sync/support/client'

const { database, server } = useSyncServer()
const [, cashier, supervisor] = testOperators

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

  it('with a payment the server refused, is flagged to supervisors until one looks into it, and kept', async () => {
    const branch = await seedBranch(database.db)
    const elsewhere = await seedBranch(database.db)
    const accountId = await seedAccountWithDebt(database.db, branch, '7770000002')
    const desk = headlessClient(server.url, await newWorkstation(database.db, branch.officeId))
    try {
      await desk.sync()
      // The account went to another branch on the server before the payment reached it.
      await database.db.execute(
        sql`UPDATE accounts SET branch_id = ${elsewhere.branchId} WHERE id = ${accountId}`,
      )
      await desk.login(branch.login(cashier.login), cashier.password)
      await desk.call('shifts.open', { openingCash: 0 })
      await desk.call('payments.record', {
        accountId,
        lines: [{ supplierId: branch.supplierId, service: 'electricity', amount: 30_000 }],
        method: 'cash',
        cashGiven: 30_000,
      })
      const { shiftId } = await desk.call<{ shiftId: string }>('shifts.close', {
        countedCash: 30_000,
      })
      await desk.sync()
      expect(desk.outbox().map((e) => [e.name, e.status])).toEqual([
        ['shift.open', 'done'],
        ['payment.record', 'rejected'],
        ['shift.close', 'done'],
      ])

      // A month on, the done entries are forgotten, but not the shift the server found different.
      const later = new Date(Date.now() + 31 * 86_400_000)
      await runSync(desk.app.services.db, { appVersion: '1.0.0', now: () => later })
      expect(desk.outbox().map((e) => e.name)).toEqual(['payment.record', 'shift.close'])

      await desk.login(branch.login(supervisor.login), supervisor.password)
      const { shiftDifferences } = await desk.call<{ shiftDifferences: ShiftDifference[] }>(
        'sync.commands',
        {},
      )
      expect(shiftDifferences).toEqual([
        expect.objectContaining({
          shiftId,
          cashierName: cashier.fullName,
          reported: { count: 1, total: 30_000 },
          held: { count: 0, total: 0 },
        }),
      ])
      await desk.call('sync.reviewShift', {
        shiftId,
        note: 'Счет передан в другой филиал, платеж возвращен',
      })
      expect(await desk.call('sync.status', {})).toMatchObject({ shiftDifferences: 0 })
      await runSync(desk.app.services.db, { appVersion: '1.0.0', now: () => later })
      expect(desk.outbox().map((e) => e.name)).toEqual(['payment.record', 'shift.close'])
    } finally {
      desk.cleanup()
    }
  })

  it('with a cash difference, arrives with its reason and the supervisor who confirmed it', async () => {
    const branch = await seedBranch(database.db)
    const desk = headlessClient(server.url, await newWorkstation(database.db, branch.officeId))
    try {
      await desk.sync()
      await desk.login(branch.login(cashier.login), cashier.password)
      await desk.call('shifts.open', { openingCash: 150_000 })
      // 1 500 ₽ short: above the default threshold of 1 000 ₽.
      const { shiftId } = await desk.call<{ shiftId: string }>('shifts.close', {
        countedCash: 0,
        differenceReason: 'Недостача, пересчитано дважды',
        supervisor: { login: branch.login(supervisor.login), password: supervisor.password },
      })
      await desk.sync()
      expect(desk.outbox().every((e) => e.status === 'done')).toBe(true)
      const [shift] = await queryRows<{ closed: boolean }>(
        database.db,
        sql`SELECT closed_at IS NOT NULL AS closed FROM shifts WHERE id = ${shiftId}`,
      )
      expect(shift).toEqual({ closed: true })
      const [close] = await queryRows<{ args: { differenceReason: string; supervisorId: string } }>(
        database.db,
        sql`SELECT args FROM applied_commands WHERE name = 'shift.close'
             AND workstation_id = (SELECT workstation_id FROM shifts WHERE id = ${shiftId})`,
      )
      expect(close!.args.differenceReason).toBe('Недостача, пересчитано дважды')
      expect(close!.args.supervisorId).toMatch(/\S/)
    } finally {
      desk.cleanup()
    }
  })
})
