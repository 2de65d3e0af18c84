import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, ids, tempApp, testOperators, type TempApp } from '../support/temp-app'
import { appTab } from '../support/app-tab'

let t: TempApp
const tab = 'web:desk'
const [clerk, cashier, supervisor] = testOperators

beforeEach(async () => {
  t = tempApp(new Date('2026-11-20T09:00:00Z'))
})
afterEach(() => t.cleanup())

const { login, value } = appTab(() => t, tab)

/** The Sync screen's list and its status show no shift difference. */
async function expectNoDifferenceShown() {
  expect((await value('sync.commands', {})).shiftDifferences).toEqual([])
  expect((await value('sync.status', {})).shiftDifferences).toBe(0)
}

/** Why a review of the shift was refused (its code), or null when it was taken. */
async function reviewRefusal(shiftId: string, note: string) {
  const result = await t.app.dispatch('sync.reviewShift', { shiftId, note }, tab)
  return result.ok ? null : result.error.code
}

/** A clerk's account on ул. Мира with one holder and electricity; its id. */
async function registerAccount(number: string, lastName: string, firstName: string, house: string) {
  const { accountId } = await value('accounts.register', {
    number,
    els: null,
    officeId: ids.office,
    holder: { lastName, firstName, phone: null, email: null },
    relation: 'owner',
    address: { region: 'Тверская обл.', settlement: 'г. Тверь', street: 'ул. Мира', house },
    residents: 1,
    tariffGroup: 'urban_electric',
    services: [{ service: 'electricity', supplierId: ids.supplier }],
  })
  return accountId
}

/** A cash payment of 1 500 ₽ for electricity at the counter. */
async function payCash(accountId: string) {
  await value('payments.record', {
    accountId,
    lines: [{ supplierId: ids.supplier, service: 'electricity', amount: 150_000 }],
    method: 'cash',
    cashGiven: 150_000,
  })
}

/** What the server answered for a command: here, a refusal of the first payment. */
function serverRejects(commandName: string, reason: string): string {
  const sqlite = t.app.services.db.$client
  const id = sqlite
    .prepare(`SELECT id FROM outbox WHERE name = ? ORDER BY sequence LIMIT 1`)
    .pluck()
    .get(commandName) as string
  sqlite
    .prepare(
      `UPDATE outbox SET status = 'rejected', reject_reason = ?, acknowledged_at = ? WHERE id = ?`,
    )
    .run(reason, '2026-11-20T09:05:00Z', id)
  return id
}

describe('the Sync screen', () => {
  it('lists waiting and rejected commands; a supervisor records how a rejection was dealt with', async () => {
    await login(clerk)
    const accountId = await registerAccount('7712000001', 'Полякова', 'Нина', '3')
    await login(cashier)
    await value('shifts.open', { openingCash: 0 })
    await payCash(accountId)
    const payment = serverRejects(
      'payment.record',
      'Лицевой счет не найден в филиале рабочего места.',
    )

    const listed = await value('sync.commands', {})
    expect(listed.waiting.map((c) => c.name)).toEqual(['account.register', 'shift.open'])
    expect(listed.waiting[0]).toMatchObject({ accountNumber: '7712000001', status: 'pending' })
    expect(listed.rejected).toEqual([
      expect.objectContaining({
        id: payment,
        name: 'payment.record',
        accountNumber: '7712000001',
        amount: 150_000,
        reason: 'Лицевой счет не найден в филиале рабочего места.',
        resolution: null,
      }),
    ])

    // Only a supervisor resolves, and says what was done.
    const refused = await t.app.dispatch(
      'sync.resolve',
      { commandId: payment, kind: 'refunded', note: 'Деньги возвращены' },
      tab,
    )
    expect(refused.ok).toBe(false)
    await login(supervisor)
    const empty = await t.app.dispatch(
      'sync.resolve',
      { commandId: payment, kind: 'refunded', note: ' ' },
      tab,
    )
    expect(empty.ok ? null : empty.error.fields?.note).toMatch(/^Что сделано: /)
    // Moving the payment needs an account that has the payment's services.
    const resolve = (accountNumber?: string) =>
      t.app.dispatch(
        'sync.resolve',
        { commandId: payment, kind: 'reassigned', note: 'Верный счет', accountNumber },
        tab,
      )
    const fieldOf = (r: Awaited<ReturnType<typeof resolve>>) =>
      r.ok ? null : r.error.fields?.accountNumber
    expect(fieldOf(await resolve())).toBe('Перенести на счет: укажите номер лицевого счета.')
    expect(fieldOf(await resolve('7712999999'))).toBe(
      'Перенести на счет: лицевой счет 7712999999 не найден.',
    )
    expect(fieldOf(await resolve('7712000001'))).toBe(
      'Перенести на счет: это тот же счет, который сервер не принял.',
    )
    const heatOnly = await value('accounts.register', {
      ...accountInput({ number: '7712000009', tariffGroup: 'urban_electric' }),
      services: [{ service: 'hot_water', supplierId: ids.supplier }],
    })
    expect(heatOnly.accountId).toBeTruthy()
    expect(fieldOf(await resolve('7712000009'))).toMatch(
      /^Перенести на счет: на счете 7712000009 нет услуги «Электроэнергия» \(.+\)\. /,
    )
    const target = await registerAccount('7712000002', 'Полякова', 'Нина', '5')
    const resolution = await value('sync.resolve', {
      commandId: payment,
      kind: 'reassigned',
      note: 'Номер счета перепутан при вводе',
      accountNumber: ' 7712000002 ',
    })
    expect(resolution).toMatchObject({
      kind: 'reassigned',
      accountNumber: '7712000002',
      by: supervisor.fullName,
    })

    // The payment, with its receipt number, now counts on the account it was meant for, and
    // goes to the server again; both accounts' histories say so.
    const db = t.app.services.db.$client
    const moved = db
      .prepare(`SELECT account_id AS accountId, receipt_number AS receipt FROM payments`)
      .all() as { accountId: string; receipt: string }[]
    expect(moved).toEqual([{ accountId: target, receipt: expect.any(String) }])
    const reassign = db
      .prepare(`SELECT status, args FROM outbox WHERE name = 'payment.reassign'`)
      .get() as { status: string; args: string }
    expect(reassign.status).toBe('pending')
    expect(JSON.parse(reassign.args)).toMatchObject({
      accountId: target,
      rejectedCommandId: payment,
      receiptNumber: moved[0]!.receipt,
      lines: [expect.objectContaining({ amount: 150_000 })],
    })
    const logged = db
      .prepare(`SELECT account_id AS accountId FROM audit_log WHERE action = 'payment.reassign'`)
      .all() as { accountId: string }[]
    expect(logged.map((l) => l.accountId).sort()).toEqual([accountId, target].sort())

    const again = await t.app.dispatch(
      'sync.resolve',
      { commandId: payment, kind: 'other', note: 'Еще раз' },
      tab,
    )
    expect(again.ok ? null : again.error.code).toBe('conflict')
  })

  it('shows supervisors a closed shift whose totals the server found different, until one looks into it', async () => {
    await login(clerk)
    const accountId = await registerAccount('7712000003', 'Орлов', 'Петр', '5')
    await login(cashier)
    const closeShift = async () => {
      await value('shifts.open', { openingCash: 0 })
      await payCash(accountId)
      return (await value('shifts.close', { countedCash: 150_000 })).shiftId
    }
    const differing = await closeShift()
    const matching = await closeShift()
    // The server's answers to the two Z reports: it held no payment of the first shift.
    const answer = t.app.services.db.$client.prepare(
      `UPDATE outbox SET status = 'sent', result = ?
        WHERE name = 'shift.close' AND json_extract(args, '$.shiftId') = ?`,
    )
    answer.run(
      JSON.stringify({ shiftId: differing, held: { count: 0, total: 0 }, totalsDiffer: true }),
      differing,
    )
    answer.run(
      JSON.stringify({
        shiftId: matching,
        held: { count: 1, total: 150_000 },
        totalsDiffer: false,
      }),
      matching,
    )

    // The cashier and the clerk are not shown it: it is for supervisors to look into.
    await expectNoDifferenceShown()
    expect(await reviewRefusal(differing, 'Все в порядке')).toBe('forbidden')

    await login(supervisor)
    expect((await value('sync.status', {})).shiftDifferences).toBe(1)
    const { shiftDifferences } = await value('sync.commands', {})
    const shift = t.app.services.db.$client
      .prepare('SELECT opened_at AS openedAt, closed_at AS closedAt FROM shifts WHERE id = ?')
      .get(differing) as { openedAt: string; closedAt: string }
    expect(shiftDifferences).toEqual([
      {
        commandId: expect.any(String),
        shiftId: differing,
        openedAt: shift.openedAt,
        closedAt: shift.closedAt,
        cashierName: cashier.fullName,
        reported: { count: 1, total: 150_000 },
        held: { count: 0, total: 0 },
        reportedCancellations: { count: 0, total: 0 },
        // This answer came from a server that did not count cancellations yet.
        heldCancellations: null,
        rejectedCancellations: [],
      },
    ])

    // Looked into: says what was found, then leaves the list; the outbox entry stays.
    const empty = await t.app.dispatch('sync.reviewShift', { shiftId: differing, note: ' ' }, tab)
    expect(empty.ok ? null : empty.error.fields?.note).toBe(
      'Что выяснено: опишите, что выяснено (не короче 3 символов)',
    )
    expect(await reviewRefusal(matching, 'Проверено')).toBe('not_found')
    t.advance(60_000)
    const review = await value('sync.reviewShift', {
      shiftId: differing,
      note: 'Платеж отклонен сервером, внесен заново на верный л/с',
    })
    expect(review).toEqual({
      shiftId: differing,
      note: 'Платеж отклонен сервером, внесен заново на верный л/с',
      by: supervisor.fullName,
      at: '2026-11-20T09:01:00.000Z',
    })
    await expectNoDifferenceShown()
    expect(await reviewRefusal(differing, 'Еще раз')).toBe('conflict')

    const sqlite = t.app.services.db.$client
    const kept = sqlite
      .prepare(
        `SELECT status, json_extract(result, '$.totalsDiffer') AS differ FROM outbox
          WHERE name = 'shift.close' AND json_extract(args, '$.shiftId') = ?`,
      )
      .all(differing)
    expect(kept).toEqual([{ status: 'sent', differ: 1 }])
    const audit = sqlite
      .prepare(
        `SELECT l.entity, l.entity_id AS entityId, l.details, o.full_name AS operatorName
           FROM audit_log l JOIN operators o ON o.id = l.operator_id
          WHERE l.action = 'sync.reviewShift'`,
      )
      .all()
    expect(audit).toEqual([
      {
        entity: 'shift',
        entityId: differing,
        details: JSON.stringify({
          note: 'Платеж отклонен сервером, внесен заново на верный л/с',
          closedAt: shift.closedAt,
          reported: { count: 1, total: 150_000 },
          held: { count: 0, total: 0 },
          reportedCancellations: { count: 0, total: 0 },
          heldCancellations: null,
        }),
        operatorName: supervisor.fullName,
      },
    ])
  })
})
