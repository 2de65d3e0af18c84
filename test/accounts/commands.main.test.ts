import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountCard, DuplicateCandidate } from '../../src-shared/accounts/types'
import {
  accountInput,
  insertTestMeter,
  tempApp,
  testOperators,
  type TempApp,
} from '../support/temp-app'

let t: TempApp
const clerkTab = 'web:clerk-tab'
const superTab = 'web:super-tab'
const [clerk, , supervisor] = testOperators

async function call<T>(channel: string, input: unknown, tab = clerkTab): Promise<T> {
  const result = await t.app.dispatch(channel as never, input as never, tab)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { error: result.error })
  return result.value as T
}

async function failure(channel: string, input: unknown, tab = clerkTab) {
  const result = await t.app.dispatch(channel as never, input as never, tab)
  if (result.ok) throw new Error(`${channel} succeeded`)
  return result.error
}

const sql = () => t.app.services.db.$client
const card = (accountId: string) => call<AccountCard>('accounts.card', { accountId })

async function register(overrides: Parameters<typeof accountInput>[0] = {}): Promise<string> {
  const { accountId } = await call<{ accountId: string }>(
    'accounts.register',
    accountInput(overrides),
  )
  return accountId
}

function auditOf(action: string) {
  return (
    sql()
      .prepare(
        'SELECT operator_id AS operatorId, details FROM audit_log WHERE action = ? ORDER BY at',
      )
      .all(action) as { operatorId: string; details: string }[]
  ).map((r) => ({ operatorId: r.operatorId, details: JSON.parse(r.details) as unknown }))
}

function outboxOf(name: string) {
  return (
    sql().prepare('SELECT args FROM outbox WHERE name = ? ORDER BY sequence').all(name) as {
      args: string
    }[]
  ).map((r) => JSON.parse(r.args) as Record<string, unknown>)
}

beforeEach(async () => {
  t = tempApp()
  await call('session.login', { login: clerk.login, password: clerk.password })
  await call('session.login', { login: supervisor.login, password: supervisor.password }, superTab)
})
afterEach(() => t.cleanup())

describe('account.edit', () => {
  it('changes only what was edited, bumps the version, audits old and new, re-indexes search', async () => {
    const accountId = await register()
    const { version } = await call<{ version: number }>('accounts.edit', {
      accountId,
      expectedVersion: 1,
      changes: {
        holder: {
          lastName: 'Смирнов',
          firstName: 'Алексей',
          middleName: 'Игоревич',
          phone: '8 903 555-66-77',
          email: 'smirnov@example.ru',
        },
        residents: 4,
        // Unchanged values are not changes.
        tariffGroup: 'urban_gas',
      },
    })
    expect(version).toBe(2)
    const after = await card(accountId)
    expect(after).toMatchObject({
      version: 2,
      residents: 4,
      holder: { phone: '+79035556677', email: 'smirnov@example.ru' },
    })
    const [entry] = auditOf('account.edit')
    expect(entry).toEqual({
      operatorId: clerk.id,
      details: {
        version: { old: 1, new: 2 },
        changes: [
          { field: 'holder.phone', old: '+79161234567', new: '+79035556677' },
          { field: 'holder.email', old: null, new: 'smirnov@example.ru' },
          { field: 'residents', old: 3, new: 4 },
        ],
      },
    })
    const [recorded] = outboxOf('account.edit')
    expect(recorded).toMatchObject({
      accountId,
      expectedVersion: 1,
      changes: { residents: 4, holder: { phone: '+79035556677' } },
      before: { residents: 3 },
    })
    expect(recorded!.changes).not.toHaveProperty('tariffGroup')
    const found = await call<{ hits: { id: string }[] }>('accounts.search', {
      query: '9035556677',
    })
    expect(found.hits.map((h) => h.id)).toEqual([accountId])
  })

  it('refuses a second edit made on the same version, naming who changed it and when', async () => {
    const accountId = await register()
    await call('accounts.edit', { accountId, expectedVersion: 1, changes: { residents: 5 } })
    t.advance(60_000)
    const error = await failure(
      'accounts.edit',
      { accountId, expectedVersion: 1, changes: { residents: 1 } },
      superTab,
    )
    expect(error.code).toBe('conflict')
    expect(error.message).toBe(
      `Счет уже изменил ${clerk.fullName} 20.11.2026 12:00, после того как вы открыли форму. ` +
        'Ваши изменения не сохранены: загрузите текущие данные, проверьте и сохраните снова.',
    )
    expect((await card(accountId)).residents).toBe(5)
    expect(outboxOf('account.edit')).toHaveLength(1)
  })

  it.each([
    [{ livingArea: '60' }, 'livingArea', 'Жилая площадь: не может быть больше общей'],
    [{ number: '7700000002' }, 'number', 'Номер лицевого счета: 7700000002 уже есть.'],
    [{ officeId: 'office-x' }, 'officeId', 'Офис: не найден.'],
    [{ els: '12' }, 'changes.els', 'ЕЛС: ровно 10 символов: цифры и буквы'],
  ] as const)('refuses %j with the field named', async (changes, field, message) => {
    const accountId = await register()
    await register({ number: '7700000002' })
    const error = await failure('accounts.edit', { accountId, expectedVersion: 1, changes })
    expect(error.fields?.[field]).toBe(message)
    expect((await card(accountId)).version).toBe(1)
  })

  it('follows the company number format setting', async () => {
    const accountId = await register()
    sql()
      .prepare(
        "INSERT INTO settings (key, valid_from, value) VALUES ('accountNumberFormat', '2026-01-01', ?)",
      )
      .run(JSON.stringify({ maxPrefixLetters: 0, minDigits: 10, maxDigits: 10 }))
    const error = await failure('accounts.edit', {
      accountId,
      expectedVersion: 1,
      changes: { number: 'ЭС12345678' },
    })
    expect(error.fields?.number).toBe('Номер лицевого счета: 10 цифр, без букв')
    const registered = await failure('accounts.register', accountInput({ number: '12345678' }))
    expect(registered.fields?.number).toBe('Номер лицевого счета: 10 цифр, без букв')
  })

  it('tells the clerk when nothing changed, and a cashier may not edit', async () => {
    const accountId = await register()
    const error = await failure('accounts.edit', {
      accountId,
      expectedVersion: 1,
      changes: { residents: 3 },
    })
    expect(error.message).toBe('Изменений нет: сохранять нечего.')
    const [, cashier] = testOperators
    await call('session.login', { login: cashier.login, password: cashier.password }, 'web:cash')
    const forbidden = await failure(
      'accounts.edit',
      { accountId, expectedVersion: 1, changes: { residents: 1 } },
      'web:cash',
    )
    expect(forbidden.code).toBe('forbidden')
  })
})

describe('persons and several accounts of one holder', () => {
  it('links a new person and an existing customer, finds the account by them, unlinks', async () => {
    const accountId = await register()
    const other = await register({
      number: '7700000002',
      holder: { lastName: 'Орлова', firstName: 'Нина', phone: '+79050000001' },
    })
    const otherHolder = (await card(other)).holder.customerId
    await call('accounts.linkPerson', {
      accountId,
      relation: 'registered',
      person: { lastName: 'Смирнова', firstName: 'Вера', phone: '89161112233' },
    })
    await call('accounts.linkPerson', { accountId, relation: 'tenant', customerId: otherHolder })
    const linked = await card(accountId)
    expect(linked.persons.map((p) => [p.fullName, p.relation, p.phone])).toEqual([
      ['Орлова Нина', 'tenant', '+79050000001'],
      ['Смирнова Вера', 'registered', '+79161112233'],
    ])
    const found = await call<{ hits: { id: string }[] }>('accounts.search', { query: 'Вера' })
    expect(found.hits.map((h) => h.id)).toEqual([accountId])

    const again = await failure('accounts.linkPerson', {
      accountId,
      relation: 'resident',
      customerId: otherHolder,
    })
    expect(again.message).toBe('Лицо: уже связано с этим счетом.')
    const nobody = await failure('accounts.linkPerson', { accountId, relation: 'resident' })
    expect(nobody.fields?.['person.lastName']).toBe(
      'Лицо: выберите абонента или введите фамилию и имя.',
    )

    const vera = linked.persons.find((p) => p.fullName === 'Смирнова Вера')!
    await call('accounts.unlinkPerson', { accountId, linkId: vera.linkId })
    expect((await card(accountId)).persons.map((p) => p.fullName)).toEqual(['Орлова Нина'])
    expect(auditOf('account.unlinkPerson')[0]!.details).toMatchObject({
      old: { fullName: 'Смирнова Вера', relation: 'registered' },
    })
    expect(outboxOf('account.linkPerson')[0]).toMatchObject({
      linkId: vera.linkId,
      customerId: vera.customerId,
    })
  })

  it('shows every account of the holder on the card', async () => {
    const first = await register()
    const holderId = (await card(first)).holder.customerId
    const second = await register({ number: '7700000009' })
    // A second account of the same person (a dacha): the holder is one customer.
    sql().prepare('UPDATE accounts SET holder_id = ? WHERE id = ?').run(holderId, second)
    const shown = await card(first)
    expect(shown.holderAccounts.map((a) => a.number)).toEqual(['7700000001', '7700000009'])
  })
})

describe('account.recordConsent', () => {
  it('adds a dated row for each change, the latest in force; no dates in the future', async () => {
    const accountId = await register()
    await call('accounts.recordConsent', {
      accountId,
      kind: 'sms',
      given: true,
      date: '2026-01-10',
    })
    await call('accounts.recordConsent', {
      accountId,
      kind: 'sms',
      given: false,
      date: '2026-11-20',
    })
    const rows = sql()
      .prepare('SELECT given, date, operator_id AS op FROM consents ORDER BY date')
      .all()
    expect(rows).toEqual([
      { given: 1, date: '2026-01-10', op: clerk.id },
      { given: 0, date: '2026-11-20', op: clerk.id },
    ])
    expect((await card(accountId)).consents).toEqual([
      { kind: 'sms', given: false, date: '2026-11-20' },
    ])
    const future = await failure('accounts.recordConsent', {
      accountId,
      kind: 'email_bill',
      given: true,
      date: '2026-11-21',
    })
    expect(future.fields?.date).toBe('Дата согласия: не может быть позже сегодняшнего дня')
  })
})

describe('account.close', () => {
  function addMeter(accountId: string) {
    insertTestMeter(t, { id: 'm1', accountId }, [
      { id: 'r1', zone: 'T1', value: 1200, readingDate: '2026-10-20' },
      { id: 'r2', zone: 'T2', value: 500, readingDate: '2026-10-20' },
    ])
  }

  it('stores the final readings, removes the meters, closes the account; it stays readable', async () => {
    const accountId = await register()
    addMeter(accountId)
    const { readingIds } = await call<{ readingIds: string[] }>('accounts.close', {
      accountId,
      expectedVersion: 1,
      date: '2026-11-19',
      reason: 'Выезд, продажа квартиры',
      finalReadings: [
        { meterId: 'm1', zone: 'T1', value: '1350,7' },
        { meterId: 'm1', zone: 'T2', value: '560' },
      ],
    })
    expect(readingIds).toHaveLength(2)
    const stored = sql()
      .prepare(
        `SELECT zone, value, consumption, source, period, flags FROM readings WHERE reading_date = '2026-11-19' ORDER BY zone`,
      )
      .all()
    expect(stored).toEqual([
      {
        zone: 'T1',
        value: 1350,
        consumption: 150,
        source: 'office',
        period: '2026-11',
        flags: '["final_reading"]',
      },
      {
        zone: 'T2',
        value: 560,
        consumption: 60,
        source: 'office',
        period: '2026-11',
        flags: '["final_reading"]',
      },
    ])
    const closed = await card(accountId)
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: '2026-11-19',
      closeReason: 'Выезд, продажа квартиры',
      version: 2,
    })
    expect(closed.meters.map((m) => m.status)).toEqual(['removed'])
    const found = await call<{ hits: { id: string; status: string }[] }>('accounts.search', {
      query: '7700000001',
    })
    expect(found.hits).toEqual([expect.objectContaining({ id: accountId, status: 'closed' })])
    expect(auditOf('account.close')[0]!.details).toMatchObject({
      version: { old: 1, new: 2 },
      changes: expect.arrayContaining([
        { field: 'closeReason', old: null, new: 'Выезд, продажа квартиры' },
      ]),
    })

    const again = await failure('accounts.close', {
      accountId,
      expectedVersion: 2,
      date: '2026-11-20',
      reason: 'еще раз',
      finalReadings: [],
    })
    expect(again.message).toBe('Счет уже закрыт 2026-11-19.')
    const edit = await failure('accounts.edit', {
      accountId,
      expectedVersion: 2,
      changes: { residents: 0 },
    })
    expect(edit.message).toBe('Счет закрыт: изменения не принимаются.')
  })

  it('names every zone whose final reading is missing, too long or below the last one', async () => {
    const accountId = await register()
    addMeter(accountId)
    const error = await failure('accounts.close', {
      accountId,
      expectedVersion: 1,
      date: '2026-11-19',
      reason: 'Выезд',
      finalReadings: [{ meterId: 'm1', zone: 'T1', value: '1100' }],
    })
    expect(error.fields).toEqual({
      'final.m1.T1': 'Конечное показание (№ 41234567, T1 (день)): меньше предыдущего (1200)',
      'final.m1.T2': 'Конечное показание (№ 41234567, T2 (ночь)): не заполнено',
    })
    const future = await failure('accounts.close', {
      accountId,
      expectedVersion: 1,
      date: '2026-11-21',
      reason: 'Выезд',
      finalReadings: [],
    })
    expect(future.fields?.date).toBe('Дата закрытия: не может быть позже сегодняшнего дня')
    expect((await card(accountId)).status).toBe('open')
    expect(outboxOf('account.close')).toEqual([])
  })
})

describe('accounts.duplicates', () => {
  it('points out the same premises with the same surname, and the same phone', async () => {
    const accountId = await register()
    const query = (over: Record<string, unknown>) =>
      call<DuplicateCandidate[]>('accounts.duplicates', {
        lastName: 'СМИРНОВ',
        phone: null,
        address: { settlement: 'г. Конаково', street: 'УЛ. ЛЕНИНА', house: '5', flat: '12' },
        ...over,
      })
    expect(await query({})).toEqual([
      expect.objectContaining({ accountId, number: '7700000001', reasons: ['address'] }),
    ])
    expect(await query({ lastName: 'Петров' })).toEqual([])
    expect(
      await query({ lastName: 'Петров', phone: '+7 (916) 123-45-67', address: { house: '9' } }),
    ).toEqual([expect.objectContaining({ accountId, reasons: ['phone'] })])
    expect(await query({ exceptAccountId: accountId })).toEqual([])
  })
})
