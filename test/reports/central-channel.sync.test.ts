import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../src-shared/api/result'
import type { ReportTable } from '../../src-shared/reports/table'
import { createOperator } from '../../src-server/admin/reference'
import { seedLaw } from '../../src-server/settings/law-seed'
import {
  seedAccountWithDebt,
  seedBranch,
  type SeededBranch,
  useSyncServer,
} from '../support/server'
import { type HeadlessClient } from '../sync/support/client'
import { testOperators } from '../support/temp-app'

// A workstation asks the central server for a company-wide report for its logged-in operator:
// the server decides from its own rows who may see which branches.
const { database, pulled } = useSyncServer()
const [, cashier, supervisor] = testOperators
const central = { login: 'central-super', password: 'central-pass' }
let a: SeededBranch
let b: SeededBranch
let desk: HeadlessClient

beforeAll(async () => {
  // Billing's law, as a server's first start writes it (the debtors age from its due dates).
  await seedLaw(database.db)
  a = await seedBranch(database.db)
  b = await seedBranch(database.db)
  await seedAccountWithDebt(database.db, a, '7711000001')
  await seedAccountWithDebt(database.db, b, '7722000001')
  await createOperator(database.db, {
    ...central,
    fullName: 'Орлова Наталья Павловна',
    role: 'supervisor',
    officeId: null,
  })
  desk = await pulled(a)
})

const askServer = (input: object) =>
  desk.app.dispatch('reports.central', input, 'test-tab') as Promise<ApiResult<ReportTable>>
const debtors = (branchId: string | null = null) => askServer({ report: 'debtors', branchId })

describe('company-wide reports asked of the central server', () => {
  it('a central supervisor sees every branch', async () => {
    await desk.login(central.login, central.password)
    const result = await debtors()
    expect(result.ok).toBe(true)
    const table = result.ok ? result.value : null
    if (!table) throw new Error('no table')
    expect(table.rows.map((r) => r[1]).sort()).toEqual(['7711000001', '7722000001'])
    // Each owes 2 200,00 ₽ (two charges): the total is both.
    expect(table.totals[5]).toBe(440_000)
    const other = await debtors(b.branchId)
    expect(other.ok && other.value.rows.map((r) => r[1])).toEqual(['7722000001'])
    const payments = await askServer({
      report: 'payments',
      filters: { from: '2026-01-01', to: '2026-12-31' },
    })
    expect(payments.ok && payments.value.rowCount).toBe(0)
  })

  it("a branch supervisor sees only their own branch, never another's", async () => {
    await desk.login(a.login(supervisor.login), supervisor.password)
    const own = await debtors()
    expect(own.ok && own.value.rows.map((r) => r[1])).toEqual(['7711000001'])
    const other = await debtors(b.branchId)
    expect(other.ok || other.error).toEqual({
      code: 'forbidden',
      message: 'Отчеты других филиалов доступны только сотрудникам центрального офиса.',
    })
  })

  it('a cashier is refused at the workstation', async () => {
    await desk.login(a.login(cashier.login), cashier.password)
    const refused = await debtors()
    expect(refused.ok || refused.error.code).toBe('forbidden')
  })
})
