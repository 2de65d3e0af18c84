import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Notification } from '../../src-shared/notifications/notifications'
import type { NotificationList } from '../../src-shared/notifications/contract'
import type { AppealRow } from '../../src-shared/appeals/contract'
import type { ServiceRequestRow } from '../../src-shared/service-requests/contract'
import { accountInput, ids, tempApp, testOperators, type TempApp } from '../support/temp-app'

let t: TempApp
const clerkTab = 'web:clerk-tab'
const superTab = 'web:super-tab'
const [clerk, , supervisor] = testOperators
const hour = 3_600_000

async function call<T>(channel: string, input: unknown, tab = clerkTab): Promise<T> {
  const result = await t.app.dispatch(channel as never, input as never, tab)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { error: result.error })
  return result.value as T
}

const sql = () => t.app.services.db.$client

/** Time passes: the screens lock meanwhile, and each operator unlocks theirs. */
async function advance(ms: number) {
  t.advance(ms)
  await call('session.unlock', { password: clerk.password })
  await call('session.unlock', { password: supervisor.password }, superTab)
}

beforeEach(async () => {
  // Friday 2026-11-20, 12:00 in Moscow.
  t = tempApp(new Date('2026-11-20T09:00:00Z'))
  sql()
    .prepare(
      `INSERT INTO price_list (id, kind, valid_from, price, supplier_id) VALUES
         ('p1', 'sealing', '2025-01-01', 150000, ?), ('p2', 'control_reading', '2025-01-01', 0, ?)`,
    )
    .run(ids.supplier, ids.supplier)
  await call('session.login', { login: clerk.login, password: clerk.password })
  await call('session.login', { login: supervisor.login, password: supervisor.password }, superTab)
})
afterEach(() => t.cleanup())

async function account(): Promise<string> {
  return (await call<{ accountId: string }>('accounts.register', accountInput())).accountId
}

/** The kinds of the alerts the account's card shows. */
async function alertKinds(accountId: string) {
  return (await call<Notification[]>('notifications.account', { accountId })).map((a) => a.kind)
}

describe('service requests at the workstation', () => {
  it('a paid request: price from the price list, numbered, flagged after 72 hours over the weekend', async () => {
    const accountId = await account()
    const registered = await call<{ number: string; price: number }>('serviceRequests.register', {
      accountId,
      kind: 'sealing',
      contactPhone: '+7 910 123-45-67',
    })
    expect(registered).toMatchObject({ number: 'З-K1-1', price: 150_000 })
    const second = await call<{ number: string }>('serviceRequests.register', {
      accountId,
      kind: 'control_reading',
      contactPhone: '+7 910 123-45-67',
    })
    expect(second.number).toBe('З-K1-2')
    // The outbox carries no price: the server takes its own.
    const outboxed = sql()
      .prepare("SELECT args FROM outbox WHERE name = 'serviceRequest.register'")
      .get() as { args: string }
    const args = JSON.parse(outboxed.args) as Record<string, unknown>
    expect(args.price).toBeUndefined()
    expect(args.number).toBe('З-K1-1')

    await advance(71 * hour) // Sunday evening
    expect(await alertKinds(accountId)).not.toContain('callback_overdue')
    await advance(2 * hour) // Monday, past the 72 hours
    const alerts = await call<Notification[]>('notifications.account', { accountId })
    expect(alerts.filter((a) => a.kind === 'callback_overdue').map((a) => a.number)).toEqual([
      'З-K1-1',
      'З-K1-2',
    ])
    const overdue = await call<ServiceRequestRow[]>('serviceRequests.overdue', {}, superTab)
    expect(overdue.map((r) => r.number)).toEqual(['З-K1-1', 'З-K1-2'])
    const office = await call<NotificationList>('notifications.list', { kind: 'callback_overdue' })
    expect(office.rows.map((r) => r.accountId)).toEqual([accountId])
    // The clerk is not the supervisor: the list is theirs.
    const refused = await t.app.dispatch('serviceRequests.overdue', {}, clerkTab)
    expect(refused.ok).toBe(false)

    const [first] = await call<ServiceRequestRow[]>('serviceRequests.list', { accountId }).then(
      (rows) => rows.filter((r) => r.number === 'З-K1-1'),
    )
    await call('serviceRequests.callBack', { requestId: first!.id, note: 'договорились' })
    await call('serviceRequests.change', {
      requestId: first!.id,
      status: 'scheduled',
      scheduledOn: '2026-11-26',
      timeWindow: '09:00-13:00',
    })
    await call('serviceRequests.change', {
      requestId: first!.id,
      status: 'done',
      outcome: 'Счетчик опломбирован',
      sealNumbers: '№ 0012345',
    })
    const after = await call<ServiceRequestRow[]>('serviceRequests.list', { accountId })
    expect(after.find((r) => r.id === first!.id)).toMatchObject({
      status: 'done',
      callBackOverdue: false,
      sealNumbers: '№ 0012345',
      doneOn: '2026-11-23',
    })
    const cancel = await t.app.dispatch(
      'serviceRequests.change',
      { requestId: first!.id, status: 'cancelled', reason: 'передумал' },
      clerkTab,
    )
    expect(cancel.ok ? null : cancel.error.message).toBe(
      'Состояние: заявка выполнена, перевести в «отменена» нельзя.',
    )
    const history = sql()
      .prepare("SELECT action FROM audit_log WHERE entity = 'service_request' ORDER BY at, rowid")
      .all() as { action: string }[]
    expect(history.map((h) => h.action)).toEqual([
      'serviceRequest.register',
      'serviceRequest.register',
      'serviceRequest.callBack',
      'serviceRequest.change',
      'serviceRequest.change',
    ])
  })

  it('a kind the price list does not name cannot be ordered', async () => {
    const accountId = await account()
    const result = await t.app.dispatch(
      'serviceRequests.register',
      { accountId, kind: 'technical_check', contactPhone: '89101234567' },
      clerkTab,
    )
    expect(result.ok ? null : result.error.message).toBe('Вид заявки: нет в прейскуранте.')
  })
})

describe('appeals at the workstation', () => {
  it('due in 30 days, flagged 3 days before and overdue after, in the supervisor list', async () => {
    const accountId = await account()
    const appeal = await call<{ number: string; dueOn: string }>('appeals.register', {
      accountId,
      topic: 'billing',
      text: 'Не согласен с начислением.',
      replyChannel: 'letter',
      replyAddress: 'г. Конаково, ул. Ленина, д. 5, кв. 12',
    })
    expect(appeal).toEqual({
      appealId: expect.any(String),
      number: 'О-K1-1',
      registeredOn: '2026-11-20',
      dueOn: '2026-12-20',
    })
    await advance(26 * 24 * hour) // 2026-12-16: 4 days left
    expect(await alertKinds(accountId)).not.toContain('appeal_due_soon')
    await advance(24 * hour) // 3 days left
    expect(await alertKinds(accountId)).toContain('appeal_due_soon')
    await advance(4 * 24 * hour) // 2026-12-21, 31 days after
    expect(await alertKinds(accountId)).toContain('appeal_overdue')
    const overdue = await call<AppealRow[]>('appeals.overdue', {}, superTab)
    expect(overdue.map((a) => [a.number, a.flag])).toEqual([['О-K1-1', 'overdue']])

    const [row] = await call<AppealRow[]>('appeals.list', { accountId })
    await call('appeals.change', { appealId: row!.id, status: 'in_work' })
    const missing = await t.app.dispatch(
      'appeals.change',
      { appealId: row!.id, status: 'answered' },
      clerkTab,
    )
    expect(missing.ok ? null : Object.keys(missing.error.fields ?? {}).sort()).toEqual([
      'answerChannel',
      'answerText',
      'answeredOn',
    ])
    await call('appeals.change', {
      appealId: row!.id,
      status: 'answered',
      answerText: 'Начисление пересчитано.',
      answeredOn: '2026-12-21',
      answerChannel: 'letter',
    })
    expect(await call<AppealRow[]>('appeals.overdue', {}, superTab)).toEqual([])
    // The acknowledgement becomes a PDF through Chromium (no printer set).
    const printed = await call<{ kind: string; target: string }>('appeals.printAcknowledgement', {
      appealId: row!.id,
    })
    expect(printed.kind).toBe('pdf')
    expect(readFileSync(printed.target).subarray(0, 5).toString()).toBe('%PDF-')
    expect(await alertKinds(accountId)).not.toContain('appeal_overdue')
  })
})
