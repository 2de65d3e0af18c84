import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import type { Notification } from '../../src-shared/notifications/notifications'
import type { NotificationList } from '../../src-shared/notifications/contract'
import { accountInput, ids, tempApp, testOperators, type TempApp } from '../support/temp-app'

let t: TempApp
const client = 'web:alerts'
const accounts: Record<string, string> = {}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await t.app.dispatch(channel as never, input as never, client)
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

function meter(
  accountId: string,
  id: string,
  serial: string,
  next: string | null,
  status = 'active',
) {
  t.app.services.db.$client
    .prepare(
      `INSERT INTO meters (id, account_id, service, model, serial_number, zones, int_digits, frac_digits, installed_at, next_verification_at, status)
       VALUES (?, ?, 'electricity', 'Меркурий 201', ?, 1, 6, 0, '2015-01-01', ?, ?)`,
    )
    .run(id, accountId, serial, next, status)
}

function reading(accountId: string, meterId: string, period: string) {
  t.app.services.db.$client
    .prepare(
      `INSERT INTO readings (id, meter_id, account_id, zone, raw_value, value, reading_date, entered_at, period, source, status)
       VALUES (?, ?, ?, 'T1', '100', 100, ?, ?, ?, 'phone', 'accepted')`,
    )
    .run(
      `r-${meterId}-${period}`,
      meterId,
      accountId,
      `${period}-10`,
      `${period}-10T10:00:00Z`,
      period,
    )
}

beforeAll(async () => {
  t = tempApp() // 2026-11-20: readings now count for 2026-11
  const op = testOperators[0]
  await call('session.login', { login: op.login, password: op.password })
  const names = ['expired', 'due', 'debtor', 'closed', 'fine']
  for (const [i, name] of names.entries()) {
    const input = accountInput({
      number: `770000000${i + 1}`,
      holder: {
        lastName: `Фамилия${name}`,
        firstName: 'Иван',
        middleName: null,
        phone: null,
        email: null,
      },
    })
    const { accountId } = await call<{ accountId: string }>(
      'accounts.register',
      registerAccountSchema.parse(input),
    )
    accounts[name] = accountId
  }
  meter(accounts.expired!, 'm-exp', 'EXP-1', '2026-10-01')
  meter(accounts.expired!, 'm-old', 'OLD-1', '2010-01-01', 'removed')
  meter(accounts.due!, 'm-due', 'DUE-1', '2027-01-15')
  meter(accounts.debtor!, 'm-deb', 'DEB-1', '2035-01-01')
  meter(accounts.fine!, 'm-fine', 'FINE-1', '2035-01-01')
  reading(accounts.expired!, 'm-exp', '2026-10')
  reading(accounts.due!, 'm-due', '2026-11')
  reading(accounts.debtor!, 'm-deb', '2026-11')
  reading(accounts.fine!, 'm-fine', '2026-11')
  const sql = t.app.services.db.$client
  sql
    .prepare(
      `INSERT INTO charges VALUES ('c1', ?, ?, 'electricity', '2026-10', 'charge', '900', 'meter', 543000, 600000, '2026-11-01', NULL, NULL)`,
    )
    .run(accounts.debtor, ids.supplier)
  // A paid charge of another account: no debt left.
  sql
    .prepare(
      `INSERT INTO charges VALUES ('c2', ?, ?, 'electricity', '2026-10', 'charge', '900', 'meter', 543000, 600000, '2026-11-01', NULL, NULL)`,
    )
    .run(accounts.fine, ids.supplier)
  sql
    .prepare(
      `INSERT INTO payments (id, account_id, paid_at, amount, method, channel, created_at)
       VALUES ('p1', ?, '2026-11-05T10:00:00Z', 600000, 'cash', 'office', '2026-11-05T10:00:00Z')`,
    )
    .run(accounts.fine)
  sql
    .prepare(`UPDATE accounts SET status = 'closed', closed_at = '2026-06-30' WHERE id = ?`)
    .run(accounts.closed)
})
afterAll(() => t.cleanup())

describe("an account's alerts on its card", () => {
  it.each([
    [
      'expired',
      [
        { kind: 'verification_expired', meterSerial: 'EXP-1', date: '2026-10-01' },
        { kind: 'no_reading', period: '2026-11' },
      ],
    ],
    ['due', [{ kind: 'verification_due', meterSerial: 'DUE-1', date: '2027-01-15' }]],
    ['debtor', [{ kind: 'debt', amount: 600_000 }]],
    ['closed', [{ kind: 'closed', date: '2026-06-30' }]],
    ['fine', []],
  ])('%s', async (name, expected) => {
    expect(
      await call<Notification[]>('notifications.account', { accountId: accounts[name] }),
    ).toEqual(expected)
  })

  it('follow the debt threshold setting', async () => {
    const sql = t.app.services.db.$client
    sql.prepare(`INSERT INTO settings VALUES ('debtAlertThreshold', '2026-11-01', '700000')`).run()
    try {
      expect(
        await call<Notification[]>('notifications.account', { accountId: accounts.debtor }),
      ).toEqual([])
      expect((await call<NotificationList>('notifications.list', { kind: 'debt' })).total).toBe(0)
    } finally {
      sql.prepare(`DELETE FROM settings WHERE key = 'debtAlertThreshold'`).run()
    }
  })
})

describe('the office alerts list', () => {
  it.each([
    ['verification_expired', ['7700000001'], { meterSerial: 'EXP-1', date: '2026-10-01' }],
    ['verification_due', ['7700000002'], { meterSerial: 'DUE-1', date: '2027-01-15' }],
    ['no_reading', ['7700000001'], { period: '2026-11' }],
    ['debt', ['7700000003'], { amount: 600_000 }],
    ['closed', ['7700000004'], { date: '2026-06-30' }],
  ])('%s', async (kind, numbers, first) => {
    const list = await call<NotificationList>('notifications.list', { kind })
    expect(list.rows.map((r) => r.number)).toEqual(numbers)
    expect(list.total).toBe(numbers.length)
    expect(list.rows[0]).toMatchObject({
      kind,
      ...first,
      address: expect.stringContaining('Ленина'),
    })
  })

  it('pages by account number and narrows by search text', async () => {
    const sql = t.app.services.db.$client
    sql.prepare(`UPDATE accounts SET status = 'closed' WHERE number <> '7700000005'`).run()
    try {
      const page1 = await call<NotificationList>('notifications.list', { kind: 'closed', limit: 3 })
      const page2 = await call<NotificationList>('notifications.list', {
        kind: 'closed',
        limit: 3,
        offset: 3,
      })
      expect(page1.rows.map((r) => r.number)).toEqual(['7700000001', '7700000002', '7700000003'])
      expect(page2.rows.map((r) => r.number)).toEqual(['7700000004'])
      expect([page1.total, page2.total]).toEqual([4, 4])
      const past = await call<NotificationList>('notifications.list', {
        kind: 'closed',
        offset: 10,
      })
      expect(past).toEqual({ rows: [], total: 4 })
      const found = await call<NotificationList>('notifications.list', {
        kind: 'closed',
        query: 'Фамилияdebtor',
      })
      expect(found.rows.map((r) => r.holderName)).toEqual(['Фамилияdebtor Иван'])
    } finally {
      sql.prepare(`UPDATE accounts SET status = 'open' WHERE number NOT IN ('7700000004')`).run()
    }
  })

  it('names the filter in Russian when the kind is wrong', async () => {
    const r = await t.app.dispatch('notifications.list', { kind: 'whatever' } as never, client)
    expect(r.ok ? null : r.error.message).toMatch(/^Вид предупреждения: /)
  })
})
