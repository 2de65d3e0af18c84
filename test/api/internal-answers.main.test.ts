import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ids, tempApp, testOperators, type TempApp } from '../support/temp-app'
import { clerkWithAccount } from '../support/app-tab'

// The answers the issue found `internal`: each now a value or a Russian refusal.
let t: TempApp
let accountId: string
const tab = 'web:desk-internal'
const [, cashier] = testOperators

beforeEach(async () => {
  t = tempApp()
  accountId = await clerkWithAccount(t, tab)
})
afterEach(() => t.cleanup())

describe('answers that were internal', () => {
  it('reprints the receipt of a cash payment pulled without the cash given', async () => {
    t.app.services.db.$client
      .prepare(
        `INSERT INTO charges (id, account_id, supplier_id, service, period, kind, amount, created_at)
         VALUES ('c10', ?, ?, 'electricity', '2026-10', 'charge', 300000, '2026-11-01T00:00:00Z')`,
      )
      .run(accountId, ids.supplier)
    await t.app.dispatch('session.login', { login: cashier.login, password: cashier.password }, tab)
    expect((await t.app.dispatch('shifts.open', { openingCash: 0 }, tab)).ok).toBe(true)
    const paid = await t.app.dispatch(
      'payments.record',
      {
        accountId,
        lines: [{ supplierId: ids.supplier, service: 'electricity', amount: 100_000 }],
        method: 'cash',
        cashGiven: 100_000,
      },
      tab,
    )
    if (!paid.ok) throw new Error(paid.error.message)
    const { paymentId } = paid.value as { paymentId: string }
    // As the server sends it: it does not keep the cash handed over.
    t.app.services.db.$client.prepare('UPDATE payments SET cash_given = NULL').run()
    const receipt = await t.app.dispatch('payments.receipt', { paymentId }, tab)
    expect(receipt).toMatchObject({
      ok: true,
      value: { model: { cashGiven: null, changeText: null } },
    })
  })

  it.each(['0000-00-00', '2026-02-30', '9999-12-31'])(
    'refuses the history date %s naming the field',
    async (from) => {
      const result = await t.app.dispatch('audit.account', { accountId, from }, tab)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      if (!result.ok) expect(result.error.fields?.from).toMatch(/^Дата с: /)
    },
  )
})
