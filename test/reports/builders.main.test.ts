import { describe, expect, it } from 'vitest'
import { lawSettingRows } from '../../src-shared/billing/law-history'
import { billingLawOf } from '../../src-shared/billing/law-rows'
import { dueDateOf } from '../../src-shared/billing/penalties'
import { agingOf, bracketOf, daysOverdue } from '../../src-shared/reports/aging'
import { reportColumns } from '../../src-shared/reports/columns'
import { reportKinds } from '../../src-shared/reports/contract'
import { sheetNames } from '../../src-shared/reports/labels'
import { excelDate, excelDateTime, roublesOf, sheetParts } from '../../src-shared/reports/sheets'
import type { ReportColumn } from '../../src-shared/reports/table'
import { summaryBy, totalsRow } from '../../src-shared/reports/totals'
import { comparisonOf } from '../../src-main/reports/shifts-report'

const brackets = { first: 30, second: 90 }
// Billing's due dates: the 10th of the next month, the 15th from the March 2026 bills.
const { dueDays } = billingLawOf(lawSettingRows())
const dueDate = (period: string) => dueDateOf(period, dueDays)

describe('aging of debts', () => {
  it.each([
    ['2026-11-10', '2026-11-10', 0],
    ['2026-11-10', '2026-11-11', 1],
    ['2026-11-10', '2026-11-01', -9],
    ['2026-02-28', '2026-03-01', 1],
  ])('%s to %s is %i days', (due, asOf, days) => {
    expect(daysOverdue(due, asOf)).toBe(days)
  })

  it.each([
    [-5, 'current'],
    [0, 'current'],
    [1, 'first'],
    [30, 'first'],
    [31, 'second'],
    [90, 'second'],
    [91, 'third'],
    [4000, 'third'],
  ] as const)('%i days overdue is in %s', (days, bracket) => {
    expect(bracketOf(days, brackets)).toBe(bracket)
  })

  it.each([
    ['nothing open', [], { total: 0, current: 0, first: 0, second: 0, third: 0, oldestDays: 0 }],
    [
      'one period in each bracket (due on the 15th, as of 2026-11-20)',
      [
        { period: '2026-07', amount: 100 },
        { period: '2026-09', amount: 200 },
        { period: '2026-10', amount: 300 },
        { period: '2026-11', amount: 400 },
      ],
      { total: 1000, current: 400, first: 300, second: 200, third: 100, oldestDays: 97 },
    ],
    [
      'a zero or negative line is ignored',
      [
        { period: '2026-08', amount: 0 },
        { period: '2026-09', amount: -50 },
        { period: '2026-10', amount: 70 },
      ],
      { total: 70, current: 0, first: 70, second: 0, third: 0, oldestDays: 5 },
    ],
  ])('%s', (_name, open, expected) => {
    expect(agingOf(open, '2026-11-20', dueDate, brackets)).toEqual(expected)
  })

  it.each([
    // February 2026's bill is due on 2026-03-10: 66 days by 2026-05-15, the second bracket.
    ['2026-02', '2026-05-15', { first: 0, second: 100, oldestDays: 66 }],
    // March 2026's is due on 2026-04-15 (the 15th from then on): 30 days, still the first.
    ['2026-03', '2026-05-15', { first: 100, second: 0, oldestDays: 30 }],
    // April's on 2026-05-15: due today, not overdue yet.
    ['2026-04', '2026-05-15', { first: 0, second: 0, oldestDays: 0 }],
  ])("the bill of %s is aged from billing's due date as of %s", (period, asOf, expected) => {
    expect(agingOf([{ period, amount: 100 }], asOf, dueDate, brackets)).toMatchObject(expected)
  })
})

const cols: ReportColumn[] = [
  { key: 'who', title: 'Кто', type: 'text', width: 10 },
  { key: 'sum', title: 'Сумма', type: 'money', width: 10, total: true },
  { key: 'n', title: 'Кол-во', type: 'count', width: 5, total: true },
  { key: 'ref', title: 'Сумма без итога', type: 'money', width: 5 },
]

describe('totals and summaries', () => {
  it.each([
    ['no rows', [], ['Итого', 0, 0, null]],
    [
      'sums the total columns, skipping empty cells',
      [
        ['А', 100, 1, 5],
        ['Б', null, 2, 5],
        ['А', 250, null, 5],
      ],
      ['Итого', 350, 3, null],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(totalsRow(cols, rows)).toEqual(expected)
  })

  it('groups by a column, largest amount first, counting rows', () => {
    const rows = [
      ['А', 100, 1, 0],
      ['Б', 500, 1, 0],
      ['А', 250, 1, 0],
      [null, 10, 1, 0],
    ]
    expect(summaryBy('По кассирам', rows, 0, 1)).toEqual({
      title: 'По кассирам',
      rows: [
        { label: 'Б', count: 1, amount: 500 },
        { label: 'А', count: 2, amount: 350 },
        { label: '—', count: 1, amount: 10 },
      ],
    })
  })
})

describe('sheets', () => {
  it.each([
    ['empty report', 0, 6, 100, [{ name: 'Платежи', start: 0, end: 0 }]],
    ['fits', 94, 6, 100, [{ name: 'Платежи', start: 0, end: 94 }]],
    [
      'one row too many',
      95,
      6,
      100,
      [
        { name: 'Платежи', start: 0, end: 94 },
        { name: 'Платежи (2)', start: 94, end: 95 },
      ],
    ],
    [
      'Excel limit',
      2_100_000,
      8,
      1_048_576,
      [
        { name: 'Платежи', start: 0, end: 1_048_568 },
        { name: 'Платежи (2)', start: 1_048_568, end: 2_097_136 },
        { name: 'Платежи (3)', start: 2_097_136, end: 2_100_000 },
      ],
    ],
  ])('%s', (_name, rows, overhead, limit, parts) => {
    expect(sheetParts('Платежи', rows, overhead, limit)).toEqual(parts)
  })

  it('keeps continuation sheet names within 31 characters', () => {
    const name = 'Доступ к персональным данным кл'
    const parts = sheetParts(name, 30, 0, 10)
    expect(parts.map((p) => p.name.length).every((n) => n <= 31)).toBe(true)
    expect(parts[2]!.name.endsWith(' (3)')).toBe(true)
  })

  it('every report has a Russian sheet name Excel accepts', () => {
    for (const kind of reportKinds) {
      expect(sheetNames[kind]).toMatch(/^[А-Яа-яЁё ()]{1,31}$/)
      expect(reportColumns[kind].length).toBeGreaterThan(0)
    }
  })

  it.each([
    ['1900-03-01', 61],
    ['2026-11-20', 46_346],
    ['2026-11-20T00:00:00.000Z', 46_346],
  ])('%s is Excel day %i', (iso, serial) => {
    expect(excelDate(iso)).toBe(serial)
  })

  it('an instant is written as the office wall clock', () => {
    // 09:00 UTC is 12:00 in Moscow (+180 minutes): half a day.
    expect(excelDateTime('2026-11-20T09:00:00.000Z', 180)).toBeCloseTo(46_346.5, 9)
  })

  it.each([
    [0, 0],
    [1, 0.01],
    [123_456, 1234.56],
    [-500, -5],
  ])('%i kopecks are %d roubles in a money cell', (kopecks, roubles) => {
    expect(roublesOf(kopecks)).toBe(roubles)
  })
})

describe("the server's verdict on a shift's Z report", () => {
  it.each([
    ['still open', { closedAt: null, outboxStatus: null, differs: null }, 'Смена открыта'],
    [
      'closed, not sent yet',
      { closedAt: 'x', outboxStatus: 'pending', differs: null },
      'Не отправлено на сервер',
    ],
    [
      'closed, no outbox entry',
      { closedAt: 'x', outboxStatus: null, differs: null },
      'Не отправлено на сервер',
    ],
    ['the server agreed', { closedAt: 'x', outboxStatus: 'done', differs: null }, 'Совпадает'],
    [
      'the server held other totals',
      { closedAt: 'x', outboxStatus: 'sent', differs: 1 },
      'Расходится',
    ],
  ])('%s', (_name, row, verdict) => {
    expect(comparisonOf(row)).toBe(verdict)
  })
})
