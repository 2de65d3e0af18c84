import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReadingEntryContext, SubmitReadingsResult } from '../../src-shared/readings/contract'
import { registerAccountWithMeter, tempApp, testOperators, type TempApp } from '../support/temp-app'

let t: TempApp
let accountId: string
const clerkTab = 'web:clerk-tab'
const [clerk, , supervisor] = testOperators

/** A 2-zone meter (6+1 digits) read on the 20th of each month: about 150 kWh day, 60 night. */
beforeEach(async () => {
  t = tempApp(new Date('2026-11-20T09:00:00Z'))
  accountId = registerAccountWithMeter(
    t,
    { id: 'm1', nextVerificationAt: '2031-05-01' },
    Array.from({ length: 8 }, (_, i) => `2026-${String(3 + i).padStart(2, '0')}-20`).flatMap(
      (readingDate, i) => [
        { id: `t1-${i}`, zone: 'T1', value: 10_000 + 150 * i, readingDate },
        { id: `t2-${i}`, zone: 'T2', value: 5_000 + 60 * i, readingDate },
      ],
    ),
  )
  await t.app.dispatch('session.login', { login: clerk.login, password: clerk.password }, clerkTab)
})
afterEach(() => t.cleanup())

const submit = (values: Record<string, string>, extra: Record<string, unknown> = {}) =>
  t.app.dispatch(
    'readings.submit',
    {
      accountId,
      source: 'phone',
      readingDate: '2026-11-20',
      meters: [{ meterId: 'm1', values }],
      ...extra,
    },
    clerkTab,
  )
const count = (sql: string) => t.app.services.db.$client.prepare(sql).pluck().get() as number

describe('readings by phone', () => {
  it('gives the entry screen the previous readings, history and rules', async () => {
    const result = await t.app.dispatch('readings.entryContext', { accountId }, clerkTab)
    expect(result.ok).toBe(true)
    const context = (result as { value: ReadingEntryContext }).value
    expect(context.today).toBe('2026-11-20')
    expect(context.meters).toHaveLength(1)
    expect(context.meters[0]).toMatchObject({
      serialNumber: '41234567',
      previous: {
        T1: { date: '2026-10-20', value: 11050 },
        T2: { date: '2026-10-20', value: 5420 },
      },
    })
    expect(context.meters[0]!.history.T1!.length).toBeGreaterThanOrEqual(6)
  })

  it('shows a reading older than the history window as the previous one, with no history', async () => {
    const db = t.app.services.db.$client
    db.prepare("DELETE FROM readings WHERE reading_date > '2026-03-20'").run()
    db.prepare("UPDATE readings SET reading_date = '2025-06-20'").run()
    const result = await t.app.dispatch('readings.entryContext', { accountId }, clerkTab)
    const meter = (result as { value: ReadingEntryContext }).value.meters[0]!
    expect(meter.previous).toEqual({
      T1: { date: '2025-06-20', value: 10000, raw: '10000' },
      T2: { date: '2025-06-20', value: 5000, raw: '5000' },
    })
    expect(meter.history).toEqual({})
  })

  it('saves a plausible reading with its outbox entry and audit, in the current period', async () => {
    const result = await submit({ T1: '011200,4', T2: '5480' })
    expect(result.ok).toBe(true)
    const value = (result as { value: SubmitReadingsResult }).value
    expect(value.period).toBe('2026-11')
    expect(value.results[0]!.zones.map((z) => [z.zone, z.value, z.consumption])).toEqual([
      ['T1', 11200, 150],
      ['T2', 5480, 60],
    ])
    expect(
      count("SELECT count(*) FROM readings WHERE status = 'accepted' AND raw_value = '011200,4'"),
    ).toBe(1)
    expect(count("SELECT count(*) FROM outbox WHERE name = 'reading.submit'")).toBe(1)
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'reading.submit'")).toBe(1)
  })

  it('takes a reading for November into December when the server has closed November', async () => {
    t.app.services.db.$client
      .prepare(
        `INSERT INTO billing_periods (branch_id, period, status, closed_at)
         SELECT branch_id, '2026-11', 'closed', '2026-11-19T21:00:00Z' FROM accounts WHERE id = ?`,
      )
      .run(accountId)
    const context = await t.app.dispatch('readings.entryContext', { accountId }, clerkTab)
    expect((context as { value: ReadingEntryContext }).value.closedPeriods).toEqual(['2026-11'])
    const result = await submit({ T1: '011200,4', T2: '5480' })
    const value = (result as { value: SubmitReadingsResult }).value
    expect(value.period).toBe('2026-12')
    expect(value.results[0]!.closedPeriod).toBe('2026-11')
    expect(count("SELECT count(*) FROM readings WHERE period = '2026-12'")).toBe(2)
  })

  it('refuses digits after the comma typed as integers, naming the zone, and saves nothing', async () => {
    const result = await submit({ T1: '1120004', T2: '5480' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.fields?.['meters.0.values.T1']).toMatch(/после запятой/)
    expect(count("SELECT count(*) FROM readings WHERE status = 'accepted'")).toBe(0)
    expect(count('SELECT count(*) FROM outbox')).toBe(1) // only the account registration
  })

  it('needs the clerk’s reason for a warning, then saves it with the reason', async () => {
    const high = { T1: '11330', T2: '5480' } // 280 kWh by day against about 150 expected
    const without = await submit(high)
    expect(without.ok).toBe(false)
    if (!without.ok) expect(without.error.fields).toHaveProperty('confirmReason')
    const withReason = await submit(high, {
      confirmReason: 'Абонент подтвердил: гостили родственники',
    })
    expect(withReason.ok).toBe(true)
    expect(count("SELECT count(*) FROM readings WHERE confirm_reason LIKE 'Абонент%'")).toBe(2)
  })

  it('lets only a supervisor accept a reading far outside the band', async () => {
    const far = { T1: '12500', T2: '5480' } // ten times the usual
    const byClerk = await submit(far, { confirmReason: 'Сказал абонент' })
    expect(byClerk.ok).toBe(false)
    if (!byClerk.ok) expect(byClerk.error.fields).toHaveProperty('supervisor')
    const wrong = await submit(far, {
      confirmReason: 'x',
      supervisor: { login: clerk.login, password: clerk.password },
    })
    expect(wrong.ok).toBe(false)
    const accepted = await submit(far, {
      confirmReason: 'Проверено по фото счетчика',
      supervisor: { login: supervisor.login, password: supervisor.password },
    })
    expect(accepted.ok).toBe(true)
    expect(
      count(`SELECT count(*) FROM readings WHERE accepted_by = '${supervisor.id}'`),
    ).toBeGreaterThan(0)
  })

  it('counts a reading entered after the cutoff day for the next period', async () => {
    t.advance(6 * 24 * 3600_000) // 26 November; the idle session locked meanwhile
    await t.app.dispatch('session.unlock', { password: clerk.password }, clerkTab)
    const result = await submit({ T1: '11230', T2: '5490' })
    expect(result.ok).toBe(true)
    expect((result as { value: SubmitReadingsResult }).value.period).toBe('2026-12')
  })

  it('checks with the reading rules in force on the entry date, as the entry screen shows them', async () => {
    const setting = t.app.services.db.$client.prepare(
      'INSERT INTO settings (key, valid_from, value) VALUES (?, ?, ?)',
    )
    setting.run('readingCutoffDay', '2026-01-01', '25')
    setting.run('readingCutoffDay', '2026-11-01', '27')
    setting.run('readingCutoffDay', '2026-12-01', '10') // not yet in force
    setting.run('readingHistoryMinMonths', '2026-01-01', '"три"') // unreadable: the default
    t.advance(6 * 24 * 3600_000) // 26 November: before the cutoff day in force
    await t.app.dispatch('session.unlock', { password: clerk.password }, clerkTab)
    const context = await t.app.dispatch('readings.entryContext', { accountId }, clerkTab)
    const rules = (context as { value: ReadingEntryContext }).value.rules
    expect(rules.readingCutoffDay).toBe(27)
    expect(rules.readingHistoryMinMonths).toBe(3)
    const result = await submit({ T1: '11230', T2: '5490' })
    expect(result.ok).toBe(true)
    expect((result as { value: SubmitReadingsResult }).value.period).toBe('2026-11')
  })

  it('refuses a meter that is not among the account’s active ones, and saves nothing', async () => {
    const result = await t.app.dispatch(
      'readings.submit',
      {
        accountId,
        source: 'phone',
        readingDate: '2026-11-20',
        meters: [
          { meterId: 'm1', values: { T1: '11200', T2: '5480' } },
          { meterId: 'elsewhere', values: { T1: '1' } },
        ],
      },
      clerkTab,
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.['meters.1.meterId']).toMatch(/не найден/)
    expect(count("SELECT count(*) FROM readings WHERE status = 'accepted'")).toBe(0)
  })

  it('deletes the clerk’s own unbilled reading as a fact, and refuses a billed one', async () => {
    await submit({ T1: '11200', T2: '5480' })
    const id = t.app.services.db.$client
      .prepare("SELECT id FROM readings WHERE status = 'accepted' LIMIT 1")
      .pluck()
      .get()
    const deleted = await t.app.dispatch(
      'readings.delete',
      { readingId: id, reason: 'Абонент ошибся' },
      clerkTab,
    )
    expect(deleted).toEqual({ ok: true, value: null })
    expect(count('SELECT count(*) FROM reading_deletions')).toBe(1)
    expect(count(`SELECT count(*) FROM readings WHERE id = '${String(id)}'`)).toBe(1)
    const again = await t.app.dispatch(
      'readings.delete',
      { readingId: id, reason: 'Еще раз' },
      clerkTab,
    )
    expect(again.ok).toBe(false)
    const billed = await t.app.dispatch(
      'readings.delete',
      { readingId: 't1-7', reason: 'Ошибка' },
      clerkTab,
    )
    expect(billed.ok).toBe(false)
    if (!billed.ok) expect(billed.error.message).toMatch(/учтено в начислении/)
  })

  it('shows the history of the last 12 months and the statistics of a year', async () => {
    const history = await t.app.dispatch('readings.history', { accountId }, clerkTab)
    expect(history.ok).toBe(true)
    if (history.ok) expect((history.value as unknown[]).length).toBe(16)
    const stats = await t.app.dispatch(
      'readings.statistics',
      { meterId: 'm1', year: 2026 },
      clerkTab,
    )
    expect(stats.ok).toBe(true)
  })
})
