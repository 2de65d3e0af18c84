import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officeDayEnd, officeDayStart } from '../../src-shared/audit/office-day'
import { addMonths } from '../../src-shared/meters/verification'
import type { ReportTable } from '../../src-shared/reports/table'
import {
  sampleBranch,
  sampleFilters,
  sampleTimeZone,
  type SampleBranch,
} from './support/sample-exports'

// The reports over a demo branch, each checked against the replica counted another way.
let branch: SampleBranch
const count = (sql: string, params: Record<string, unknown> = {}) =>
  branch.app.services.db.$client.prepare(sql).pluck().get(params) as number
const col = (t: ReportTable, key: string) => t.columns.findIndex((c) => c.key === key)

beforeAll(async () => {
  branch = await sampleBranch(200)
}, 60_000)
afterAll(() => branch.close())

describe('reports over a demo branch', () => {
  it('readings taken: every reading entered in the period, none deleted', () => {
    const { from, to } = sampleFilters.readings as { from: string; to: string }
    const table = branch.table('readings')
    const expected = count(
      `SELECT count(*) FROM readings r WHERE r.entered_at >= @start AND r.entered_at < @end
          AND r.id NOT IN (SELECT reading_id FROM reading_deletions)`,
      { start: officeDayStart(from, sampleTimeZone), end: officeDayEnd(to, sampleTimeZone) },
    )
    expect(table.rowCount).toBeGreaterThan(0)
    expect(table.rowCount).toBe(expected)
    const bySource = table.summaries.find((s) => s.title === 'По источникам')!
    expect(bySource.rows.reduce((n, r) => n + r.count, 0)).toBe(expected)
    const consumption = count(
      `SELECT coalesce(sum(consumption), 0) FROM readings r
        WHERE r.entered_at >= @start AND r.entered_at < @end
          AND r.id NOT IN (SELECT reading_id FROM reading_deletions)`,
      { start: officeDayStart(from, sampleTimeZone), end: officeDayEnd(to, sampleTimeZone) },
    )
    expect(table.totals[col(table, 'consumption')]).toBe(consumption)
  })

  it('accounts without a reading: active meters of open accounts with none this period', () => {
    const table = branch.table('missingReadings')
    const expected = count(
      `SELECT count(*) FROM meters m JOIN accounts a ON a.id = m.account_id
        WHERE m.status = 'active' AND a.status = 'open'
          AND m.id NOT IN (SELECT meter_id FROM readings WHERE period = '2026-11'
                             AND status <> 'rejected'
                             AND id NOT IN (SELECT reading_id FROM reading_deletions))`,
    )
    expect(table.rowCount).toBeGreaterThan(0)
    expect(table.rowCount).toBe(expected)
    const listed = table.rows.map((r) => r[col(table, 'meter')])
    const read = count(
      `SELECT count(*) FROM readings r JOIN meters m ON m.id = r.meter_id
        WHERE r.period = '2026-11' AND r.status <> 'rejected'
          AND m.serial_number IN (SELECT value FROM json_each(@serials))`,
      { serials: JSON.stringify(listed) },
    )
    expect(read).toBe(0)
  })

  it('meters: expired or expiring within the months asked, soonest first', () => {
    const { to, months } = sampleFilters.meters as { to: string; months: number }
    const table = branch.table('meters')
    const horizon = addMonths(to, months)
    const expected = count(
      `SELECT count(*) FROM meters m JOIN accounts a ON a.id = m.account_id
        WHERE m.status = 'active' AND a.status = 'open'
          AND (m.next_verification_at IS NULL OR m.next_verification_at <= @horizon)`,
      { horizon },
    )
    expect(table.rowCount).toBe(expected)
    const next = table.rows.map((r) => r[col(table, 'nextVerification')] as string | null)
    expect(next.filter((d) => d !== null)).toEqual(next.filter((d) => d !== null).sort())
    for (const row of table.rows) {
      const date = row[col(table, 'nextVerification')] as string | null
      expect(row[col(table, 'status')]).toBe(date === null || date <= to ? 'Истекла' : 'Истекает')
    }
  })

  it('debtors: the sum of all debts is the branch balance of the accounts owing', () => {
    const table = branch.table('debtors')
    const debt = col(table, 'debt')
    for (const row of table.rows) {
      const [current, first, second, third] = ['current', 'first', 'second', 'third'].map(
        (k) => row[col(table, k)] as number,
      )
      expect(current! + first! + second! + third!).toBe(row[debt])
    }
    const owing = count(
      `SELECT count(*) FROM (
         SELECT a.id,
                (SELECT coalesce(sum(amount), 0) FROM charges WHERE account_id = a.id AND period <= '2026-11')
              + (SELECT coalesce(sum(amount), 0) FROM opening_balances WHERE account_id = a.id)
              - (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.account_id = a.id
                  AND p.id NOT IN (SELECT payment_id FROM payment_cancellations)) AS balance
           FROM accounts a) WHERE balance > 0`,
    )
    expect(table.rowCount).toBe(owing)
  })
})
