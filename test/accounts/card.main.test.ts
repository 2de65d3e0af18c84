import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import type { AccountCard } from '../../src-shared/accounts/types'
import { accountInput, ids, tempApp, testOperators, type TempApp } from '../support/temp-app'

let t: TempApp
let card: AccountCard
const client = 'web:card-tab'

beforeAll(async () => {
  t = tempApp()
  const op = testOperators[0]
  await t.app.dispatch('session.login', { login: op.login, password: op.password }, client)
  const registered = await t.app.dispatch(
    'accounts.register',
    registerAccountSchema.parse(accountInput()),
    client,
  )
  if (!registered.ok) throw new Error(registered.error.message)
  const accountId = (registered.value as { accountId: string }).accountId
  const sql = t.app.services.db.$client
  const run = (text: string, params: Record<string, unknown> = {}) =>
    sql.prepare(text).run({ accountId, supplier: ids.supplier, ...params })
  run(
    `INSERT INTO opening_balances VALUES ('ob1', @accountId, @supplier, 'electricity', '2026-01-01', 12000)`,
  )
  run(
    `INSERT INTO charges VALUES ('c1', @accountId, @supplier, 'electricity', '2026-09', 'charge', '180', 'meter', 543000, 97740, '2026-10-01', NULL, NULL)`,
  )
  run(
    `INSERT INTO charges VALUES ('c2', @accountId, @supplier, 'electricity', '2026-10', 'charge', '200', 'meter', 543000, 108600, '2026-11-01', NULL, NULL)`,
  )
  run(
    `INSERT INTO charges VALUES ('c3', @accountId, @supplier, 'electricity', '2026-10', 'penalty', NULL, NULL, NULL, 137, '2026-11-01', NULL, NULL)`,
  )
  run(`INSERT INTO payments (id, account_id, paid_at, amount, method, channel, receipt_number, created_at)
       VALUES ('p1', @accountId, '2026-10-10T10:00:00Z', 109740, 'cash', 'office', 'K1-1', '2026-10-10T10:00:00Z'),
              ('p2', @accountId, '2026-11-10T10:00:00Z', 5000, 'card', 'office', 'K1-2', '2026-11-10T10:00:00Z')`)
  run(
    `INSERT INTO payment_lines VALUES ('l1', 'p1', @supplier, 'electricity', 109740), ('l2', 'p2', @supplier, 'electricity', 5000)`,
  )
  run(
    `INSERT INTO payment_cancellations (id, payment_id, reason, operator_id, cancelled_at) VALUES ('x1', 'p2', 'Ошибка суммы', NULL, '2026-11-10T11:00:00Z')`,
  )
  run(`INSERT INTO meters (id, account_id, service, model, serial_number, zones, int_digits, frac_digits, installed_at, verified_at, verification_interval_years, next_verification_at, seals)
       VALUES ('m1', @accountId, 'electricity', 'Меркурий 201.5', '41234567', 2, 6, 1, '2015-05-01', '2015-04-01', 16, '2027-01-15', '["ПЛ-001"]')`)
  run(`INSERT INTO readings (id, meter_id, account_id, zone, raw_value, value, consumption, reading_date, entered_at, period, source, status)
       VALUES ('r1', 'm1', @accountId, 'T1', '01234,5', 1234, 150, '2026-10-24', '2026-10-24T12:00:00Z', '2026-10', 'phone', 'accepted')`)
  run(`INSERT INTO consents VALUES ('k1', @accountId, 'email_bill', 1, '2025-02-01', NULL, '2025-02-01T00:00:00Z'),
                                  ('k2', @accountId, 'email_bill', 0, '2026-03-01', NULL, '2026-03-01T00:00:00Z')`)
  // The server closed September and October for the branch; November is open.
  for (const [period, status] of [
    ['2026-09', 'closed'],
    ['2026-10', 'closed'],
    ['2026-11', 'open'],
  ]) {
    run(
      `INSERT INTO billing_periods (branch_id, period, status, closed_at)
       SELECT branch_id, @period, @status, NULL FROM accounts WHERE id = @accountId`,
      { period, status },
    )
  }
  const result = await t.app.dispatch('accounts.card', { accountId }, client)
  if (!result.ok) throw new Error(result.error.message)
  card = result.value as AccountCard
})
afterAll(() => t.cleanup())

describe('the account card', () => {
  it('shows the holder, address and premises as registered', () => {
    expect(card).toMatchObject({
      number: '7700000001',
      status: 'open',
      branchName: 'Конаковский филиал',
      officeName: 'Офис Конаково',
      addressText: 'Тверская обл., г. Конаково, ул. Ленина, д. 5, кв. 12',
      totalArea: '54.3',
      livingArea: '38',
      rooms: 2,
      residents: 3,
      holder: { fullName: 'Смирнов Алексей Игоревич', relation: 'owner', phone: '+79161234567' },
    })
  })

  it('says which billing periods are closed', () => {
    expect(card.closedPeriods).toEqual(['2026-09', '2026-10'])
  })

  it('computes the balance from the ledger: opening + charges + penalty - payments + cancellations', () => {
    const expected = 12000 + 97740 + 108600 + 137 - 109740 - 5000 + 5000
    expect(card.totalBalance).toBe(expected)
    expect(card.balances).toEqual([
      {
        supplierId: ids.supplier,
        supplierName: 'Тверьэнергосбыт',
        service: 'electricity',
        balance: expected,
      },
    ])
  })

  it('marks a cancelled payment and lists the newest first', () => {
    expect(card.payments.map((p) => [p.receiptNumber, p.cancelled])).toEqual([
      ['K1-2', true],
      ['K1-1', false],
    ])
  })

  it('shows the meter passport with its verification status', () => {
    expect(card.meters).toEqual([
      expect.objectContaining({
        serialNumber: '41234567',
        zones: 2,
        intDigits: 6,
        fracDigits: 1,
        seals: ['ПЛ-001'],
        verification: 'due',
      }),
    ])
    expect(card.readings).toEqual([
      expect.objectContaining({
        meterSerial: '41234567',
        zone: 'T1',
        value: '01234,5',
        consumption: 150,
      }),
    ])
  })

  it('shows the consent in force: the latest record per kind', () => {
    expect(card.consents).toEqual([{ kind: 'email_bill', given: false, date: '2026-03-01' }])
  })

  it('records every view of the card in the audit log (personal data)', () => {
    const views = t.app.services.db.$client
      .prepare("SELECT operator_id AS operatorId FROM audit_log WHERE action = 'account.view'")
      .all()
    expect(views).toEqual([{ operatorId: testOperators[0].id }])
  })

  it('answers a clear message for an unknown account', async () => {
    const result = await t.app.dispatch('accounts.card', { accountId: 'nope' }, client)
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Лицевой счет не найден.' },
    })
  })
})
