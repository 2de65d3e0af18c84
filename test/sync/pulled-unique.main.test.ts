import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PulledTable } from '../../src-shared/sync/protocol'
import { applyPulledPage } from '../../src-main/sync/apply-pulled'
import { listSyncCommands } from '../../src-main/sync/outbox-list'
import { configureSync, readSyncState } from '../../src-main/sync/sync-state'
import { ids, tempApp, testOperators, type TempApp, registerTestAccount } from '../support/temp-app'
import { appTab } from '../support/app-tab'

// Every unique column of the replica a pulled row can meet: the server's row always lands, in the
// page's transaction, and the local row of another id that held the value is set aside (facts) or
// marked (rows other rows refer to). A real replica file; the pages are the server's wire format.

let t: TempApp
let accountId: string
const tab = 'web:desk'
const [, cashier, supervisor] = testOperators
const at = '2026-11-20T10:00:00.000Z'

beforeEach(async () => {
  t = tempApp(new Date('2026-11-20T09:00:00Z'))
  const db = t.app.services.db
  configureSync(db, {
    serverUrl: 'http://127.0.0.1:9',
    workstationId: ids.workstation,
    secret: 'secret',
  })
  accountId = registerTestAccount(t)
  db.$client
    .prepare(
      `INSERT INTO charges (id, account_id, supplier_id, service, period, kind, amount, created_at)
       VALUES ('c10', ?, ?, 'electricity', '2026-10', 'charge', 300000, '2026-11-01T00:00:00Z')`,
    )
    .run(accountId, ids.supplier)
  await login(cashier)
  await value('shifts.open', { openingCash: 500_000 })
})
afterEach(() => t.cleanup())

const { login, value } = appTab(() => t, tab)

const sqlite = () => t.app.services.db.$client
const rows = (sql: string, ...args: unknown[]) =>
  sqlite()
    .prepare(sql)
    .all(...args)

function pay(amount: number) {
  return value('payments.record', {
    accountId,
    lines: [{ supplierId: ids.supplier, service: 'electricity', amount }],
    method: 'cash',
    cashGiven: amount,
  })
}

async function cancel(paymentId: string) {
  await login(supervisor)
  const result = await value('payments.cancel', { paymentId, reason: 'ошибка кассира' })
  await login(cashier)
  return result
}

/** A page as the server sends it: one table, its rows by snake_case column. */
function page(table: string, objects: Record<string, unknown>[]): PulledTable {
  const c = Object.keys(objects[0]!)
  return { table, columns: c, rows: objects.map((o) => c.map((k) => o[k])), deleted: [] }
}

function pull(tables: PulledTable[], branch = 100) {
  applyPulledPage(t.app.services.db, tables, { branch, global: 0 }, { reindex: true, now: at })
}

const serverPayment = (id: string, receipt: string, amount: number) => ({
  id,
  account_id: accountId,
  paid_at: '2026-11-20T08:00:00.000Z',
  amount,
  method: 'cash',
  channel: 'counter',
  receipt_number: receipt,
  office_id: ids.office,
  operator_id: null,
  workstation_id: 'ws-other',
  shift_id: null,
  created_at: '2026-11-20T08:00:00.000Z',
})

const serverCancellation = (id: string, paymentId: string, receipt: string) => ({
  id,
  payment_id: paymentId,
  reason: 'отменено на другом окне',
  operator_id: null,
  cashier_id: null,
  cancelled_at: '2026-11-20T09:30:00.000Z',
  shift_id: 'shift-other',
  receipt_number: receipt,
})

const balance = async () => (await value('accounts.card', { accountId })).totalBalance

describe('a pulled row meets a local row on a unique column', () => {
  it('payment_cancellations.payment_id: a second cancellation of one payment is set aside, the server’s lands', async () => {
    const { paymentId } = await pay(100_000)
    await cancel(paymentId)
    const [local] = rows('SELECT id FROM payment_cancellations') as { id: string }[]
    pull([page('payment_cancellations', [serverCancellation('x-server', paymentId, 'B1-000001')])])

    expect(rows('SELECT id FROM payment_cancellations')).toEqual([{ id: 'x-server' }])
    expect(readSyncState(t.app.services.db)!.cursorBranch).toBe(100)
    const [aside] = listSyncCommands(t.app.services.db, { shiftDifferences: true }).setAside
    expect(aside).toMatchObject({
      kind: 'Отмена платежа',
      table: 'payment_cancellations',
      rowId: local!.id,
      amount: 100_000,
      accountNumber: '7700000001',
      reason: 'На сервере этот платеж уже отменен другой отменой.',
    })
    // The payment counts cancelled once: 3 000,00 ₽ owed, 1 000,00 ₽ paid and cancelled.
    expect(await balance()).toBe(300_000)
    // The refund left this drawer all the same: the shift's report still counts it.
    const { report } = await value('shifts.report', {})
    expect(report.cancellations).toEqual({ count: 1, total: 100_000 })
  })

  it('payment_cancellations.receipt_number: a cancellation under a receipt number the server holds is set aside', async () => {
    const { paymentId } = await pay(100_000)
    const { receiptNumber } = await cancel(paymentId)
    const other = serverPayment('p-server', 'B1-000009', 50_000)
    pull([
      page('payments', [other]),
      page('payment_cancellations', [serverCancellation('x-server', 'p-server', receiptNumber)]),
    ])
    expect(rows('SELECT id, payment_id AS p FROM payment_cancellations')).toEqual([
      { id: 'x-server', p: 'p-server' },
    ])
    const aside = listSyncCommands(t.app.services.db, { shiftDifferences: false }).setAside
    expect(aside.map((a) => [a.table, a.receiptNumber, a.reason])).toEqual([
      ['payment_cancellations', receiptNumber, 'На сервере этот номер чека уже у другой отмены.'],
    ])
  })

  it('payments.receipt_number: a payment under a receipt number the server holds leaves with its lines and cancellation', async () => {
    const { paymentId, receiptNumber } = await pay(100_000)
    await cancel(paymentId)
    pull([
      page('payments', [serverPayment('p-server', receiptNumber, 70_000)]),
      page('payment_lines', [
        {
          id: 'pl-server',
          payment_id: 'p-server',
          supplier_id: ids.supplier,
          service: 'electricity',
          amount: 70_000,
        },
      ]),
    ])
    expect(rows('SELECT id FROM payments')).toEqual([{ id: 'p-server' }])
    expect(rows('SELECT count(*) AS n FROM payment_lines WHERE payment_id = ?', paymentId)).toEqual(
      [{ n: 0 }],
    )
    expect(rows('SELECT count(*) AS n FROM payment_cancellations')).toEqual([{ n: 0 }])
    const [aside] = rows(
      'SELECT table_name AS t, row_id AS id, dependents FROM set_aside_rows',
    ) as {
      t: string
      id: string
      dependents: string
    }[]
    expect(aside).toMatchObject({ t: 'payments', id: paymentId })
    expect(Object.keys(JSON.parse(aside!.dependents))).toEqual([
      'payment_lines',
      'payment_cancellations',
    ])
    // Only the server's payment counts: 3 000,00 ₽ owed, 700,00 ₽ paid.
    expect(await balance()).toBe(230_000)
  })

  it('a row set aside that the server sends after all comes back with what left with it', async () => {
    const { paymentId, receiptNumber } = await pay(100_000)
    pull([page('payments', [serverPayment('p-server', receiptNumber, 70_000)])], 100)
    // The server moved its payment to another receipt and holds ours after all.
    const ours = rows('SELECT row FROM set_aside_rows')[0] as { row: string }
    pull(
      [
        page('payments', [
          { ...serverPayment('p-server', 'B1-000077', 70_000) },
          JSON.parse(ours.row) as Record<string, unknown>,
        ]),
      ],
      101,
    )
    expect(rows('SELECT id FROM payments ORDER BY id')).toHaveLength(2)
    expect(rows('SELECT count(*) AS n FROM payment_lines WHERE payment_id = ?', paymentId)).toEqual(
      [{ n: 1 }],
    )
    expect(rows('SELECT count(*) AS n FROM set_aside_rows')).toEqual([{ n: 0 }])
  })

  it('operators.login: a local operator under a login the server gave another is marked in place', () => {
    sqlite()
      .prepare(
        `INSERT INTO operators (id, login, full_name, role, office_id, password_hash, created_at)
         VALUES ('op-local', 'petrova', 'Петрова', 'clerk', ?, 'x', ?)`,
      )
      .run(ids.office, at)
    pull([
      page('operators', [
        {
          id: 'op-server',
          login: 'petrova',
          full_name: 'Петрова И. И.',
          role: 'clerk',
          office_id: ids.office,
          password_hash: 'y',
          created_at: at,
        },
      ]),
    ])
    expect(rows(`SELECT id, login FROM operators WHERE login LIKE 'petrova%' ORDER BY id`)).toEqual(
      [
        { id: 'op-local', login: 'petrova-ДУБЛЬ' },
        { id: 'op-server', login: 'petrova' },
      ],
    )
  })

  it('accounts.number: a local account under a number the server registered is marked in place', () => {
    const { holder } = rows('SELECT holder_id AS holder FROM accounts')[0] as { holder: string }
    pull([
      page('accounts', [
        {
          id: 'acc-server',
          number: '7700000001',
          branch_id: ids.branch,
          office_id: ids.office,
          holder_id: holder,
          holder_relation: 'owner',
          region: 'Тверская обл.',
          settlement: 'г. Конаково',
          street: 'ул. Ленина',
          house: '9',
          tariff_group: 'urban_gas',
          created_at: at,
          updated_at: at,
        },
      ]),
    ])
    expect(rows('SELECT id, number FROM accounts ORDER BY number')).toEqual([
      { id: 'acc-server', number: '7700000001' },
      { id: accountId, number: '7700000001-ДУБЛЬ' },
    ])
  })

  it('workstations.receipt_prefix and branches.code: a stale copy of a server row steps aside until its own newer row comes', () => {
    // On the server ws-1 took prefix K9, then ws-2 got K1 and ws-1's name changed: ws-2 comes
    // first, ws-1's newest row after it. The same for the branch code.
    pull([
      page('branches', [
        { id: 'branch-2', code: 'KNK', name: 'Новый филиал' },
        { id: ids.branch, code: 'KNK-OLD', name: 'Конаковский филиал' },
      ]),
      page('workstations', [
        { id: 'ws-2', office_id: ids.office, name: 'Окно 2', receipt_prefix: 'K1' },
        {
          id: ids.workstation,
          office_id: ids.office,
          name: 'Окно 1 (касса)',
          receipt_prefix: 'K9',
        },
      ]),
    ])
    expect(rows('SELECT id, receipt_prefix AS p FROM workstations ORDER BY id')).toEqual([
      { id: ids.workstation, p: 'K9' },
      { id: 'ws-2', p: 'K1' },
    ])
    expect(rows('SELECT id, code FROM branches ORDER BY id')).toEqual([
      { id: ids.branch, code: 'KNK-OLD' },
      { id: 'branch-2', code: 'KNK' },
    ])
    expect(rows('SELECT count(*) AS n FROM set_aside_rows')).toEqual([{ n: 0 }])
  })

  it('a full batch of pulled rows with one clash lands whole', async () => {
    const { paymentId } = await pay(100_000)
    await cancel(paymentId)
    const payments = Array.from({ length: 130 }, (_, i) =>
      serverPayment(`p-${i}`, `B1-${String(i).padStart(6, '0')}`, 1_000),
    )
    const cancellations = [
      ...payments
        .slice(0, 70)
        .map((p, i) => serverCancellation(`x-${i}`, p.id, `B1-X${String(i).padStart(5, '0')}`)),
      serverCancellation('x-ours', paymentId, 'B1-X99999'),
    ]
    pull([page('payments', payments), page('payment_cancellations', cancellations)])
    expect(rows('SELECT count(*) AS n FROM payment_cancellations')).toEqual([{ n: 71 }])
    expect(rows('SELECT id FROM payment_cancellations WHERE payment_id = ?', paymentId)).toEqual([
      { id: 'x-ours' },
    ])
    expect(rows('SELECT count(*) AS n FROM set_aside_rows')).toEqual([{ n: 1 }])
  })
})
