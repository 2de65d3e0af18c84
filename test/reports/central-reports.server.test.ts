import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officeDayEnd, officeDayStart } from '../../src-shared/audit/office-day'
import { reportFiltersSchema } from '../../src-shared/reports/contract'
import { loadServerDemo } from '../../src-server/admin/demo'
import { queryRow } from '../../src-server/db/query'
import { centralReport } from '../../src-server/reports/central-reports'
import { runReportCommand } from '../../src-server/reports/report-command'
import { useTestDatabase } from '../support/server'

const database = useTestDatabase()
const today = '2026-11-20'
const now = new Date('2026-11-20T09:00:00Z')
const zone = 'Europe/Moscow'
let branchId: string
let dir: string

beforeAll(async () => {
  branchId = (await loadServerDemo(database.db, { seed: 5, accounts: 120, months: 4, today }))
    .branchId
  dir = mkdtempSync(join(tmpdir(), 'energo-central-'))
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ctx = (filters: object) => ({
  timeZone: zone,
  today,
  now,
  branchId: null,
  filters: reportFiltersSchema.parse(filters),
})

describe('company-wide reports on the central database', () => {
  it('the payments register covers every branch line by line, as the database sums it', async () => {
    const from = '2026-09-01'
    const table = await centralReport(database.db, 'payments', ctx({ from, to: today }))
    const sums = await queryRow<{ n: string; total: string }>(
      database.db,
      sql`SELECT count(*) AS n, coalesce(sum(l.amount), 0) AS total
            FROM payments p JOIN payment_lines l ON l.payment_id = p.id
           WHERE p.paid_at >= ${officeDayStart(from, zone)} AND p.paid_at < ${officeDayEnd(today, zone)}
             AND p.id NOT IN (SELECT payment_id FROM payment_cancellations)`,
    )
    expect(table.rowCount).toBeGreaterThan(0)
    expect(table.rowCount).toBe(Number(sums!.n))
    expect(table.totals[11]).toBe(Number(sums!.total))
    expect(table.rows.every((r) => typeof r[11] === 'number' && typeof r[0] === 'string')).toBe(
      true,
    )
  })

  it('debtors: each balance is the charges less the payments, spread over the aging brackets', async () => {
    const table = await centralReport(database.db, 'debtors', ctx({ to: today }))
    expect(table.rowCount).toBeGreaterThan(0)
    for (const row of table.rows) {
      const [debt, current, first, second, third] = row.slice(5, 10) as number[]
      expect(current! + first! + second! + third!).toBe(debt)
    }
    const top = table.rows[0]!
    const balance = await queryRow<{ balance: string }>(
      database.db,
      sql`SELECT (SELECT coalesce(sum(amount), 0) FROM charges WHERE account_id = a.id AND period <= '2026-11')
               + (SELECT coalesce(sum(amount), 0) FROM opening_balances WHERE account_id = a.id)
               - (SELECT coalesce(sum(l.amount), 0) FROM payments p JOIN payment_lines l ON l.payment_id = p.id
                   WHERE p.account_id = a.id AND p.paid_at < ${officeDayEnd(today, zone)}
                     AND p.id NOT IN (SELECT payment_id FROM payment_cancellations)) AS balance
            FROM accounts a WHERE a.number = ${top[1] as string}`,
    )
    expect(top[5]).toBe(Number(balance!.balance))
    const one = await centralReport(database.db, 'debtors', { ...ctx({ to: today }), branchId })
    expect(one.rowCount).toBe(table.rowCount)
  })

  it('the server command writes the report as .xlsx', async () => {
    const out = join(dir, 'debtors.xlsx')
    const rows = await runReportCommand(database.db, { report: 'debtors', to: today, out, now })
    const book = XLSX.read(readFileSync(out))
    expect(book.SheetNames).toEqual(['Должники компании'])
    const sheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Должники компании']!, {
      header: 1,
      blankrows: true,
    })
    const header = sheet.findIndex((r) => r[0] === 'Филиал' && r[1] === 'Лицевой счет')
    expect(sheet.length - header - 2).toBe(rows)
    await expect(runReportCommand(database.db, { report: 'shifts', out })).rejects.toThrow(
      /payments, debtors/,
    )
  })
})
