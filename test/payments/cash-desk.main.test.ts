import { execFileSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ids, tempApp, testOperators, type TempApp, registerTestAccount } from '../support/temp-app'
import { appTab } from '../support/app-tab'

let t: TempApp
let accountId: string
const tab = 'web:desk'
const [clerk, cashier, supervisor] = testOperators
const hour = 3_600_000

/** An account owing 1 000,00 ₽ for September and 1 200,00 ₽ for October. */
beforeEach(async () => {
  t = tempApp(new Date('2026-11-20T09:00:00Z'))
  const db = t.app.services.db
  accountId = registerTestAccount(t)
  const charge = db.$client.prepare(
    `INSERT INTO charges (id, account_id, supplier_id, service, period, kind, amount, created_at)
     VALUES (?, ?, ?, 'electricity', ?, 'charge', ?, '2026-11-01T00:00:00Z')`,
  )
  charge.run('c9', accountId, ids.supplier, '2026-09', 100_000)
  charge.run('c10', accountId, ids.supplier, '2026-10', 120_000)
  await login(cashier)
})
afterEach(() => t.cleanup())

const { call, login, value } = appTab(() => t, tab)

const count = (table: string) =>
  t.app.services.db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
const counts = () =>
  ['payments', 'payment_lines', 'payment_cancellations', 'outbox', 'audit_log'].map(count)

const cash = (amount: number, cashGiven: number) => ({
  accountId,
  lines: [{ supplierId: ids.supplier, service: 'electricity' as const, amount }],
  method: 'cash' as const,
  cashGiven,
})

describe('the cash desk', () => {
  it('proposes the debt per supplier and service, oldest periods first', async () => {
    const proposal = await value('payments.proposal', { accountId })
    expect(proposal.lines).toEqual([
      expect.objectContaining({
        supplierId: ids.supplier,
        service: 'electricity',
        debt: 220_000,
        periods: [
          { period: '2026-09', amount: 100_000 },
          { period: '2026-10', amount: 120_000 },
        ],
      }),
    ])
    expect(proposal.balance).toBe(220_000)
    expect(proposal.shift).toBeNull()
  })

  it('takes a cash payment in the open shift with change and the next receipt number', async () => {
    await value('shifts.open', { openingCash: 500_000 })
    const paid = await value('payments.record', cash(150_000, 200_000))
    expect(paid).toMatchObject({ receiptNumber: 'K1-1', total: 150_000, change: 50_000 })
    expect(paid.lines[0]!.settled).toEqual([
      { period: '2026-09', amount: 100_000 },
      { period: '2026-10', amount: 50_000 },
    ])
    const second = await value('payments.record', { ...cash(10_000, 10_000) })
    expect(second.receiptNumber).toBe('K1-2')

    const proposal = await value('payments.proposal', { accountId })
    expect(proposal.lines[0]!.periods).toEqual([{ period: '2026-10', amount: 60_000 }])
    // The outbox carries the fact as made: id, receipt number and time travel to the server.
    const outbox = t.app.services.db.$client
      .prepare("SELECT args FROM outbox WHERE name = 'payment.record' ORDER BY sequence LIMIT 1")
      .pluck()
      .get() as string
    expect(JSON.parse(outbox)).toMatchObject({ paymentId: paid.paymentId, receiptNumber: 'K1-1' })
  })

  it('puts more than the debt as an advance', async () => {
    await value('shifts.open', { openingCash: 0 })
    const paid = await value('payments.record', cash(300_000, 300_000))
    expect(paid.lines[0]).toMatchObject({ debt: 220_000, amount: 300_000, advance: 80_000 })
    expect((await value('payments.proposal', { accountId })).balance).toBe(-80_000)
  })

  it.each([
    ['zero amount', cash(0, 0), 'lines', /больше нуля|хотя бы/],
    ['negative amount', cash(-100, 0), 'lines.0.amount', /отрицательн/],
    [
      'more than 2 decimals (fractional kopecks)',
      cash(100.5, 200),
      'lines.0.amount',
      /двух знаков/,
    ],
    ['above the limit', cash(10_000_001, 10_000_001), 'lines', /больше допустимой/],
    ['less cash than the total', cash(100_000, 50_000), 'cashGiven', /не хватает/],
    [
      'card without the terminal reference',
      { ...cash(100, 100), method: 'card' as const, cashGiven: undefined },
      'cardReference',
      /не заполнено/,
    ],
  ])(
    'refuses %s with a message naming the field and saves nothing',
    async (_name, input, field, message) => {
      await value('shifts.open', { openingCash: 0 })
      const before = counts()
      const result = await call('payments.record', { ...input, accountId })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.fields?.[field]).toMatch(message)
      expect(counts()).toEqual(before)
    },
  )

  it('refuses payments without an open shift and after 24 hours in one', async () => {
    const without = await call('payments.record', cash(100, 100))
    expect(!without.ok && without.error.fields?.shift).toMatch(/Смена не открыта/)
    await value('shifts.open', { openingCash: 0 })
    t.advance(23.5 * hour)
    await login(cashier) // the idle screen locked meanwhile
    expect((await value('shifts.current', {}))?.age).toBe('warn')
    expect((await call('payments.record', cash(100, 100))).ok).toBe(true)
    t.advance(hour)
    await login(cashier)
    const late = await call('payments.record', cash(100, 100))
    expect(!late.ok && late.error.message).toMatch(/24 часа/)
    expect(count('payments')).toBe(1)
  })

  it('lets only a supervisor cancel, once, as a new fact with its own receipt', async () => {
    await value('shifts.open', { openingCash: 100_000 })
    const paid = await value('payments.record', cash(150_000, 200_000))

    await login(clerk)
    const asClerk = await call('payments.cancel', {
      paymentId: paid.paymentId,
      reason: 'Ошибка суммы',
    })
    expect(!asClerk.ok && asClerk.error.message).toMatch(/только старший смены/)
    await login(cashier)
    const wrong = await call('payments.cancel', {
      paymentId: paid.paymentId,
      reason: 'Ошибка суммы',
      supervisor: { login: supervisor.login, password: 'nope' },
    })
    expect(!wrong.ok && wrong.error.fields?.supervisor).toMatch(/неверный логин или пароль/)
    expect(count('payment_cancellations')).toBe(0)

    const cancelled = await value('payments.cancel', {
      paymentId: paid.paymentId,
      reason: 'Ошибка суммы',
      supervisor: { login: supervisor.login, password: supervisor.password },
    })
    expect(cancelled.receiptNumber).toBe('K1-2')
    const twice = await call('payments.cancel', {
      paymentId: paid.paymentId,
      reason: 'Еще раз',
      supervisor: { login: supervisor.login, password: supervisor.password },
    })
    expect(!twice.ok && twice.error.message).toMatch(/уже отменен/)

    // The payment stays, marked; the debt is back.
    const [line] = await value('payments.history', { accountId })
    expect(line).toMatchObject({
      receiptNumber: 'K1-1',
      amount: 150_000,
      cancellation: {
        reason: 'Ошибка суммы',
        supervisorName: supervisor.fullName,
        receiptNumber: 'K1-2',
      },
    })
    expect((await value('payments.proposal', { accountId })).balance).toBe(220_000)
  })

  it('reports the shift so far, closes it with the difference and freezes the report', async () => {
    await value('shifts.open', { openingCash: 100_000 })
    const a = await value('payments.record', cash(150_000, 200_000))
    await value('payments.record', {
      ...cash(20_000, 0),
      method: 'card',
      cashGiven: undefined,
      cardReference: '123456',
    })
    await login(supervisor)
    await value('payments.cancel', { paymentId: a.paymentId, reason: 'Ошибка суммы' })
    await login(cashier)

    const x = await value('shifts.report', {})
    expect(x.report).toMatchObject({
      kind: 'x',
      payments: { count: 2, total: 170_000 },
      cancellations: { count: 1, total: 150_000 },
      expectedCash: 100_000,
    })
    // A difference is closed only with its reason, which names the field as the cashier sees it.
    const unexplained = await call('shifts.close', { countedCash: 99_000 })
    expect(unexplained.ok).toBe(false)
    if (!unexplained.ok) {
      expect(unexplained.error.fields?.differenceReason).toMatch(/^Причина расхождения: .*-10,00/)
    }
    expect(await value('shifts.current', {})).not.toBeNull()
    const closed = await value('shifts.close', {
      countedCash: 99_000,
      differenceReason: 'Недостача',
    })
    expect(closed.report).toMatchObject({ kind: 'z', countedCash: 99_000, difference: -1_000 })
    expect(await value('shifts.current', {})).toBeNull()
    expect((await call('payments.record', cash(100, 100))).ok).toBe(false)
    // Nothing done later changes a closed report.
    await value('shifts.open', { openingCash: 0 })
    await value('payments.record', cash(100, 100))
    expect((await value('shifts.report', { shiftId: closed.shiftId })).report).toEqual(
      closed.report,
    )
  })

  it('closes a difference above the dated threshold only with a supervisor confirming it', async () => {
    await value('shifts.open', { openingCash: 0 })
    // 2 000 ₽ over, the default threshold is 1 000 ₽.
    const input = { countedCash: 200_000, differenceReason: 'Не пробит платеж' }
    const refused = await call('shifts.close', input)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.fields?.supervisor).toMatch(/^Старший смены: /)
    const wrong = await call('shifts.close', {
      ...input,
      supervisor: { login: supervisor.login, password: 'nope' },
    })
    expect(wrong.ok).toBe(false)
    const closed = await value('shifts.close', {
      ...input,
      supervisor: { login: supervisor.login, password: supervisor.password },
    })
    expect(closed.report.difference).toBe(200_000)
    const db = t.app.services.db.$client
    const sent = db
      .prepare(`SELECT args FROM outbox WHERE name = 'shift.close' ORDER BY sequence DESC LIMIT 1`)
      .pluck()
      .get() as string
    const supervisorId = db
      .prepare(`SELECT id FROM operators WHERE login = ?`)
      .pluck()
      .get(supervisor.login)
    expect(JSON.parse(sent)).toMatchObject({ differenceReason: 'Не пробит платеж', supervisorId })
  })

  it('prints the receipt as a PDF whose text holds the account, amounts and receipt number', async () => {
    await value('shifts.open', { openingCash: 0 })
    const paid = await value('payments.record', cash(150_000, 200_000))
    const printed = await value('payments.print', { paymentId: paid.paymentId })
    expect(printed.kind).toBe('pdf')
    const text = execFileSync('pdftotext', ['-layout', printed.target, '-']).toString()
    const plain = text.replace(/[\s\u00a0\u202f]+/g, ' ')
    expect(plain).toContain('K1-1')
    expect(plain).toContain('7700000001')
    expect(plain).toContain('1 500,00')
    expect(plain).toContain('500,00') // change
    expect(plain).toContain('ИНН 6901067107')
  }, 30_000)
})
