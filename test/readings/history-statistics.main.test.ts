import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readingHistory } from '../../src-main/readings/history'
import { consumptionStatistics } from '../../src-main/readings/statistics'
import { registerAccountWithMeter, tempApp, testOperators, type TempApp } from '../support/temp-app'

let t: TempApp
let accountId: string
const [clerk] = testOperators

/** Readings of a 2-zone meter: [date, period, T1 consumption, T2 consumption]. */
const months: [string, string, number, number][] = [
  ['2025-01-24', '2025-01', 120, 60],
  ['2025-02-24', '2025-02', 110, 50],
  ['2026-01-23', '2026-01', 150, 70],
  ['2026-02-24', '2026-02', 90, 40],
  ['2026-03-25', '2026-03', 200, 100],
]

beforeAll(() => {
  t = tempApp()
  const db = t.app.services.db
  const sql = db.$client
  let t1 = 10_000
  let t2 = 5_000
  accountId = registerAccountWithMeter(
    t,
    { id: 'm1' },
    months.flatMap(([readingDate, period, c1, c2]) => {
      t1 += c1
      t2 += c2
      const taken = { readingDate, period, status: 'accepted' as const, operatorId: clerk.id }
      return [
        { ...taken, id: `r-${readingDate}-1`, zone: 'T1', value: t1, consumption: c1 },
        { ...taken, id: `r-${readingDate}-2`, zone: 'T2', value: t2, consumption: c2 },
      ]
    }),
  )
  // The March T1 reading was a typo the clerk deleted: it no longer counts.
  sql
    .prepare(
      `INSERT INTO reading_deletions VALUES ('d1', 'r-2026-03-25-1', 'Ошибка ввода', ?, '2026-03-25T11:00:00Z')`,
    )
    .run(clerk.id)
})
afterAll(() => t.cleanup())

describe('reading history', () => {
  it('lists the readings of a date range newest first, with who took them and deletions marked', () => {
    const lines = readingHistory(t.app.services.db, {
      accountId,
      from: '2026-01-01',
      to: '2026-12-31',
    })
    expect(lines.map((l) => [l.readingDate, l.zone, l.consumption, l.deleted])).toEqual([
      ['2026-03-25', 'T1', 200, true],
      ['2026-03-25', 'T2', 100, false],
      ['2026-02-24', 'T1', 90, false],
      ['2026-02-24', 'T2', 40, false],
      ['2026-01-23', 'T1', 150, false],
      ['2026-01-23', 'T2', 70, false],
    ])
    expect(lines[0]).toMatchObject({
      meterSerial: '41234567',
      operatorName: testOperators[0].fullName,
      deleteReason: 'Ошибка ввода',
    })
  })

  it('filters by meter and keeps older readings out of a narrow range', () => {
    expect(
      readingHistory(t.app.services.db, {
        accountId,
        meterId: 'other',
        from: '2000-01-01',
        to: '2030-01-01',
      }),
    ).toEqual([])
    expect(
      readingHistory(t.app.services.db, { accountId, from: '2025-02-01', to: '2025-02-28' }),
    ).toHaveLength(2)
  })
})

describe('consumption statistics', () => {
  it('gives each month of the year with the same month a year before, min, max and total', () => {
    const stats = consumptionStatistics(t.app.services.db, 'm1', 2026)
    expect(stats.zones).toEqual(['T1', 'T2'])
    expect(stats.months.slice(0, 4)).toEqual([
      { period: '2026-01', byZone: { T1: 150, T2: 70 }, total: 220, lastYearTotal: 180 },
      { period: '2026-02', byZone: { T1: 90, T2: 40 }, total: 130, lastYearTotal: 160 },
      // The deleted T1 reading is not counted.
      { period: '2026-03', byZone: { T2: 100 }, total: 100, lastYearTotal: null },
      { period: '2026-04', byZone: {}, total: null, lastYearTotal: null },
    ])
    expect(stats.min).toEqual({ period: '2026-03', total: 100 })
    expect(stats.max).toEqual({ period: '2026-01', total: 220 })
    expect(stats.total).toBe(450)
  })
})
