import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../src-shared/api/result'
import type { BillingRunState } from '../../src-shared/billing/contract'
import { insertGlobal } from '../../src-server/admin/reference'
import { queryRow } from '../../src-server/db/query'
import { seedLaw } from '../../src-server/settings/law-seed'
import {
  createBranchAdmin,
  seedAccountWithDebt,
  seedBranch,
  type SeededBranch,
  useSyncServer,
} from '../support/server'
import { type HeadlessClient } from '../sync/support/client'
import { ids, testOperators } from '../support/temp-app'

// An administrator closes the period from the workstation's screen while online: the main
// process asks the real server with the admin's own live session, the screen polls the progress.
const { database, pulled } = useSyncServer()
const [clerk] = testOperators
let branch: SeededBranch
let admin: { login: string; password: string }
let desk: HeadlessClient

beforeAll(async () => {
  await seedLaw(database.db)
  branch = await seedBranch(database.db)
  admin = await createBranchAdmin(database.db, branch)
  await insertGlobal(database.db, 'tariffs', [
    {
      id: 'tariff-admin-run',
      supplierId: ids.supplier,
      service: 'electricity',
      tariffGroup: 'urban_gas',
      zone: 'T1',
      validFrom: '2026-01-01',
      validTo: null,
      rateMillikopecks: 543_000,
    },
  ])
  await seedAccountWithDebt(database.db, branch, '7733000001')
  // Two residents and no meter: billed by the norm.
  await database.db.execute(sql`UPDATE accounts SET residents = 2 WHERE id = 'acc-7733000001'`)
  desk = await pulled(branch)
})

const call = (channel: 'billing.run' | 'billing.status', period: string) =>
  desk.app.dispatch(channel, { period }, 'test-tab') as Promise<ApiResult<BillingRunState>>

async function finished(period: string): Promise<BillingRunState> {
  for (let i = 0; i < 200; i++) {
    const state = await call('billing.status', period)
    if (!state.ok) throw new Error(state.error.message)
    if (state.value.status !== 'running') return state.value
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the period close did not finish')
}

describe("the period close from an admin's screen", () => {
  it('runs on the server for the admin, with progress, and closes the period once', async () => {
    await desk.login(admin.login, admin.password)
    const started = await call('billing.run', '2026-11')
    expect(started.ok && started.value.status).toMatch(/^(running|closed)$/)
    const done = await finished('2026-11')
    expect(done).toMatchObject({
      period: '2026-11',
      status: 'closed',
      accounts: 1,
      done: 1,
      total: 1,
    })
    // 87 kWh a person (two residents) at 5.43 rub: 174 kWh, 944,82 rub; the debt's penalty.
    expect(done.chargeLines).toBe(1)
    const charge = await queryRow<{ volume: string; amount: number }>(
      database.db,
      sql`SELECT volume, amount FROM charges
           WHERE account_id = 'acc-7733000001' AND period = '2026-11' AND kind = 'charge'`,
    )
    expect(charge).toMatchObject({ volume: '174' })
    expect(Number(charge!.amount)).toBe(94_482)
    const bill = await queryRow<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM bills WHERE account_id = 'acc-7733000001' AND period = '2026-11'`,
    )
    expect(Number(bill!.n)).toBe(1)
    // Again: nothing changes, the screen is told so.
    await call('billing.run', '2026-11')
    expect(await finished('2026-11')).toMatchObject({ status: 'already-closed', accounts: 0 })
  })

  it("shows billing's refusal in Russian", async () => {
    await call('billing.run', '2026-10')
    expect(await finished('2026-10')).toMatchObject({
      status: 'failed',
      message: 'период 2026-11 уже закрыт, 2026-10 рассчитать нельзя',
    })
  })

  it('refuses a period that is no month, naming the field', async () => {
    const refused = await call('billing.run', '2026-13')
    expect(refused.ok || refused.error.code).toBe('invalid_input')
    expect(refused.ok || refused.error.message).toMatch(/Период/)
  })

  it('is refused to anyone but an administrator', async () => {
    await desk.login(branch.login(clerk.login), clerk.password)
    const refused = await call('billing.run', '2026-12')
    expect(refused.ok || refused.error.code).toBe('forbidden')
  })
})
