import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import type {
  ExportStatus,
  ReportFiltersInput,
  ReportKind,
} from '../../src-shared/reports/contract'
import { lawSettingRows } from '../../src-shared/billing/law-history'
import { reportColumns } from '../../src-shared/reports/columns'
import type { ReportTable } from '../../src-shared/reports/table'
import { registerAccount } from '../../src-main/accounts/register-account'
import { exportsFolder } from '../../src-main/app/create-app'
import { executeCommand } from '../../src-main/commands/command'
import { accountInput, ids, tempApp, testOperators, type TempApp } from '../support/temp-app'
import { appTab } from '../support/app-tab'

// A day at the counter through the real handlers: payments, a cancellation a supervisor
// confirmed, a closed shift short by 10 ₽, a card viewed; then the reports read it back.
let t: TempApp
const tab = 'web:reports'
const [clerk, cashier, supervisor] = testOperators
const accounts: string[] = []

const { login, value } = appTab(() => t, tab)

const november: ReportFiltersInput = { from: '2026-11-01', to: '2026-11-20' }
const run = (report: ReportKind, filters: ReportFiltersInput = november) =>
  value('reports.run', { report, filters })
const col = (table: ReportTable, key: string) => table.columns.findIndex((c) => c.key === key)
const cell = (table: ReportTable, row: number, key: string) => table.rows[row]![col(table, key)]

beforeAll(async () => {
  t = tempApp(new Date('2026-11-20T09:00:00Z'))
  const db = t.app.services.db
  for (const number of ['7700000001', '7700000002']) {
    const input = registerAccountSchema.parse(accountInput({ number }))
    accounts.push(
      executeCommand(db, registerAccount, input, { operatorId: null, now: t.app.services.clock() })
        .accountId,
    )
  }
  // Billing's due days as the replica pulls them from the server's law (the 15th from March 2026).
  const setting = db.$client.prepare(
    'INSERT INTO settings (key, valid_from, value) VALUES (?, ?, ?)',
  )
  for (const r of lawSettingRows().filter((r) => r.key === 'billDueDay'))
    setting.run(r.key, r.validFrom, r.value)
  const charge = db.$client.prepare(
    `INSERT INTO charges (id, account_id, supplier_id, service, period, kind, amount, created_at)
     VALUES (?, ?, ?, 'electricity', ?, ?, ?, '2026-11-01T00:00:00Z')`,
  )
  charge.run('a7', accounts[0], ids.supplier, '2026-07', 'charge', 100_000)
  charge.run('a9', accounts[0], ids.supplier, '2026-09', 'charge', 200_000)
  charge.run('a10', accounts[0], ids.supplier, '2026-10', 'charge', 290_000)
  charge.run('a10p', accounts[0], ids.supplier, '2026-10', 'penalty', 10_000)
  charge.run('b10', accounts[1], ids.supplier, '2026-10', 'charge', 50_000)

  await login(cashier)
  await value('shifts.open', { openingCash: 500_000 })
  const line = (accountId: string, amount: number) => ({
    accountId,
    lines: [{ supplierId: ids.supplier, service: 'electricity' as const, amount }],
  })
  await value('payments.record', {
    ...line(accounts[0]!, 150_000),
    method: 'cash',
    cashGiven: 200_000,
  })
  t.advance(60_000)
  await value('payments.record', {
    ...line(accounts[1]!, 50_000),
    method: 'card',
    cardReference: '123456',
  })
  t.advance(60_000)
  const wrong = await value('payments.record', {
    ...line(accounts[0]!, 10_000),
    method: 'cash',
    cashGiven: 10_000,
  })
  t.advance(60_000)
  await value('payments.cancel', {
    paymentId: wrong.paymentId,
    reason: 'Ошибка суммы',
    supervisor: { login: supervisor.login, password: supervisor.password },
  })
  await value('shifts.close', { countedCash: 649_000, differenceReason: 'Недостача' })
  await login(supervisor)
  await value('accounts.card', { accountId: accounts[0]! })
})
afterAll(() => t.cleanup())

describe('reports over a day at the counter', () => {
  it('the payments register lists what was collected, without the cancelled payment', async () => {
    const table = await run('payments')
    expect(table.rowCount).toBe(2)
    expect(table.rows.map((r) => r[col(table, 'receipt')])).toEqual(['K1-1', 'K1-2'])
    expect(table.totals[col(table, 'amount')]).toBe(200_000)
    const byMethod = table.summaries.find((s) => s.title === 'По способам оплаты')!
    expect(byMethod.rows).toEqual(
      [
        { label: 'Банковская карта', count: 1, amount: 50_000 },
        { label: 'Наличные', count: 1, amount: 150_000 },
      ].sort((a, b) => b.amount - a.amount),
    )
    expect(table.summaries.find((s) => s.title === 'По кассирам')!.rows).toEqual([
      { label: cashier.fullName, count: 2, amount: 200_000 },
    ])
    expect(table.filters[0]).toEqual({ label: 'Период', value: '01.11.2026 – 20.11.2026' })
    expect(table.chart?.values).toEqual([200_000])
  })

  it('filters the register by method-independent fields: service, operator, dates', async () => {
    expect((await run('payments', { ...november, service: 'hot_water' })).rowCount).toBe(0)
    expect((await run('payments', { ...november, operatorId: clerk.id })).rowCount).toBe(0)
    expect((await run('payments', { from: '2026-10-01', to: '2026-10-31' })).rowCount).toBe(0)
    expect((await run('payments', { ...november, supplierId: ids.supplier })).rowCount).toBe(2)
  })

  it('the shift shows its takings, the refund, the count and the shortage', async () => {
    const table = await run('shifts')
    expect(table.rowCount).toBe(1)
    expect(cell(table, 0, 'cash')).toBe(160_000)
    expect(cell(table, 0, 'card')).toBe(50_000)
    expect(cell(table, 0, 'cancellations')).toBe(1)
    expect(cell(table, 0, 'cancelled')).toBe(10_000)
    expect(cell(table, 0, 'countedCash')).toBe(649_000)
    // Expected 500 000 + 160 000 - 10 000 in the drawer, counted 649 000.
    expect(cell(table, 0, 'difference')).toBe(-1_000)
    expect(cell(table, 0, 'comparison')).toBe('Не отправлено на сервер')
    expect(cell(table, 0, 'cashier')).toBe(cashier.fullName)
  })

  it('the cancellation names its reason, cashier and the confirming supervisor', async () => {
    const table = await run('cancellations')
    expect(table.rowCount).toBe(1)
    expect(cell(table, 0, 'reason')).toBe('Ошибка суммы')
    expect(cell(table, 0, 'cashier')).toBe(cashier.fullName)
    expect(cell(table, 0, 'supervisor')).toBe(supervisor.fullName)
    expect(table.totals[col(table, 'amount')]).toBe(10_000)
  })

  it('debtors: the debt left is the newest periods, aged from their due dates', async () => {
    const table = await run('debtors', { to: '2026-11-20' })
    // 600 000 charged (with the penalty) less 150 000 paid; the other account paid in full.
    expect(table.rowCount).toBe(1)
    expect(cell(table, 0, 'account')).toBe('7700000001')
    expect(cell(table, 0, 'debt')).toBe(450_000)
    // October (due 15.11, 5 days late) is open in full, September (due 15.10, 36 days) in part.
    expect(cell(table, 0, 'first')).toBe(300_000)
    expect(cell(table, 0, 'second')).toBe(150_000)
    expect(cell(table, 0, 'third')).toBe(0)
    expect(cell(table, 0, 'days')).toBe(36)
    expect(cell(table, 0, 'penalties')).toBe(10_000)
    expect(cell(table, 0, 'lastPayment')).toBe(150_000)
    expect(cell(table, 0, 'lastPaymentDate')).toBe('2026-11-20')
    expect(cell(table, 0, 'phone')).toBe('+79161234567')
    expect((await run('debtors', { to: '2026-11-20', minDays: 37 })).rowCount).toBe(0)
    expect((await run('debtors', { to: '2026-11-20', minDays: 36 })).rowCount).toBe(1)
    expect((await run('debtors', { to: '2026-11-20', minDebt: 450_001 })).rowCount).toBe(0)
    expect((await run('debtors', { to: '2026-11-20', minDebt: 450_000 })).rowCount).toBe(1)
    // Before the payments nothing was paid; July (due 15.08) was 77 days late on 31 October.
    const before = await run('debtors', { to: '2026-10-31' })
    expect(before.rows.map((r) => r[col(before, 'debt')])).toEqual([600_000, 50_000])
    expect(before.rows.map((r) => r[col(before, 'days')])).toEqual([77, 0])
    expect(before.rows[1]![col(before, 'current')]).toBe(50_000)
  })

  it('operator activity and the personal-data access log come from the audit log', async () => {
    const activity = await run('activity')
    const payments = activity.rows.find(
      (r) => r[0] === cashier.fullName && r[1] === 'Прием платежа',
    )
    expect(payments?.[2]).toBe(3)
    const access = await run('personalData')
    expect(
      access.rows.some(
        (r) =>
          r[1] === supervisor.fullName &&
          r[3] === 'Просмотр карточки счета' &&
          r[4] === '7700000001',
      ),
    ).toBe(true)
  })

  it('refuses reports to a cashier', async () => {
    await login(cashier)
    const r = await t.app.dispatch('reports.run', { report: 'payments' }, tab)
    expect(r.ok || r.error.code).toBe('forbidden')
    const e = await t.app.dispatch('reports.export', { report: 'debtors' }, tab)
    expect(e.ok || e.error.code).toBe('forbidden')
    await login(supervisor)
  })
})

async function finished(status: ExportStatus | null): Promise<ExportStatus> {
  expect(status).not.toBeNull()
  let s = status!
  for (let i = 0; i < 600 && s.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 50))
    s = await value('reports.exportStatus', { jobId: s.jobId })
  }
  return s
}

describe('exporting off the window thread', () => {
  it('writes the .xlsx on a worker, offers it for download and records the export', async () => {
    const status = await finished(
      await value('reports.export', { report: 'payments', filters: november }),
    )
    expect(status).toMatchObject({ state: 'done', rows: 2, progress: 1, path: null })
    const key = /^\/download\/([\w-]{32})\//.exec(status.download!)![1]!
    expect(decodeURIComponent(status.download!.split('/').pop()!)).toBe(status.fileName)
    const book = XLSX.read(readFileSync(join(exportsFolder(t.dir), `${key}.xlsx`)))
    expect(book.SheetNames).toEqual(['Платежи'])
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Платежи']!, { header: 1 })
    const header = rows.findIndex((r) => r[0] === 'Дата')
    expect(rows[header]).toEqual(reportColumns.payments.map((c) => c.title))
    expect(rows.length - header - 2).toBe(2)
    expect(rows.at(-1)![10]).toBe(2000)

    const audit = t.app.services.db.$client
      .prepare(
        "SELECT operator_id AS operatorId, details FROM audit_log WHERE action = 'report.export'",
      )
      .all() as { operatorId: string; details: string }[]
    expect(audit).toHaveLength(1)
    expect(audit[0]!.operatorId).toBe(supervisor.id)
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      report: 'payments',
      rows: 2,
      filters: { from: '2026-11-01', to: '2026-11-20', officeId: null },
    })
    // The access log shows the export with its report and row count.
    const access = await run('personalData')
    expect(
      access.rows.some(
        (r) => r[3] === 'Выгрузка отчета' && String(r[5]).startsWith('Реестр платежей, строк: 2'),
      ),
    ).toBe(true)
  })

  it('cancels an export: the thread ends, no file is left, nothing is recorded', async () => {
    const before = t.app.services.db.$client
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'report.export'")
      .pluck()
      .get()
    const started = await value('reports.export', {
      report: 'debtors',
      filters: { to: '2026-11-20' },
    })
    const cancelled = await value('reports.exportCancel', { jobId: started!.jobId })
    expect(cancelled.state).toBe('cancelled')
    const key = /^\/download\/([\w-]{32})\//.exec(
      // The download address is only given once done; the file lives under the job's key.
      (await value('reports.exportStatus', { jobId: started!.jobId })).download ?? '/download/x/',
    )
    expect(key).toBeNull()
    await new Promise((r) => setTimeout(r, 200))
    const left = readdir(exportsFolder(t.dir)).filter((f) => f.endsWith('.part'))
    expect(left).toEqual([])
    expect(
      t.app.services.db.$client
        .prepare("SELECT count(*) FROM audit_log WHERE action = 'report.export'")
        .pluck()
        .get(),
    ).toBe(before)
  })
})

function readdir(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}
