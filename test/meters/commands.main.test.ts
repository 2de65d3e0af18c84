import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountCard } from '../../src-shared/accounts/types'
import type { ApiResult } from '../../src-shared/api/result'
import type { ReadingEntryContext, SubmitReadingsResult } from '../../src-shared/readings/contract'
import {
  registerAccountWithMeter,
  registerTestAccount,
  tempApp,
  testOperators,
  type TempApp,
} from '../support/temp-app'
import { typedMeter } from './support/typed-meter'

let t: TempApp
let accountId: string
let otherAccountId: string
const tab = 'web:clerk-tab'
const [clerk] = testOperators

/** A 2-zone meter (5 digits) read on the 20th of Sept and Oct 2026; today is 2026-11-20. */
beforeEach(async () => {
  t = tempApp(new Date('2026-11-20T09:00:00Z'))
  accountId = registerAccountWithMeter(
    t,
    {
      id: 'old',
      model: 'СО-505',
      serialNumber: '1001',
      intDigits: 5,
      fracDigits: 0,
      installedAt: '2010-05-01',
      verifiedAt: '2010-04-01',
      verificationIntervalYears: 16,
      nextVerificationAt: '2026-04-01',
    },
    ['2026-09-20', '2026-10-20'].flatMap((readingDate, i) => [
      { id: `t1-${i}`, zone: 'T1', value: 10_300 + 150 * i, readingDate },
      { id: `t2-${i}`, zone: 'T2', value: 5_140 + 60 * i, readingDate },
    ]),
    { number: '7700000001' },
  )
  otherAccountId = registerTestAccount(t, { number: '7700000002' })
  await t.app.dispatch('session.login', { login: clerk.login, password: clerk.password }, tab)
})
afterEach(() => t.cleanup())

const rows = (sql: string, ...params: unknown[]) =>
  t.app.services.db.$client.prepare(sql).all(...params) as Record<string, unknown>[]
const count = (sql: string) => t.app.services.db.$client.prepare(sql).pluck().get() as number

const newMeter = typedMeter

async function ok<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const install = (meter = newMeter(), account = accountId) =>
  t.app.dispatch('meters.install', { accountId: account, meter } as never, tab)
const replace = (finalReadings: Record<string, string>, meter = newMeter()) =>
  t.app.dispatch(
    'meters.replace',
    { accountId, meterId: 'old', finalReadings, meter } as never,
    tab,
  )
const card = () => ok(t.app.dispatch('accounts.card', { accountId }, tab)) as Promise<AccountCard>
const entry = () =>
  ok(t.app.dispatch('readings.entryContext', { accountId }, tab)) as Promise<ReadingEntryContext>

describe('meter.install', () => {
  it('installs a 2-zone meter with its initial readings, outbox entry and audit', async () => {
    const { meterId } = (await ok(install())) as { meterId: string }
    const shown = (await card()).meters.find((m) => m.id === meterId)
    expect(shown).toMatchObject({
      model: 'Меркурий 201.8',
      serialNumber: '41234567',
      zones: 2,
      status: 'active',
      nextVerificationAt: '2042-10-01',
      verification: 'valid',
      seals: ['0012345'],
    })
    expect(
      rows(
        'SELECT zone, raw_value, value, consumption, source, flags, reading_date FROM readings WHERE meter_id = ? ORDER BY zone',
        meterId,
      ),
    ).toEqual([
      {
        zone: 'T1',
        raw_value: '00012,4',
        value: 12,
        consumption: null,
        source: 'control',
        flags: '["meter_installed"]',
        reading_date: '2026-11-20',
      },
      {
        zone: 'T2',
        raw_value: '3',
        value: 3,
        consumption: null,
        source: 'control',
        flags: '["meter_installed"]',
        reading_date: '2026-11-20',
      },
    ])
    const [outbox] = rows("SELECT args FROM outbox WHERE name = 'meter.install'")
    const recorded = JSON.parse(outbox!.args as string)
    expect(recorded).toMatchObject({ newMeterId: meterId, timeZone: 'Europe/Moscow' })
    expect(Object.keys(recorded.initialReadingIds)).toEqual(['T1', 'T2'])
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'meter.install'")).toBe(1)
  })

  it('refuses a serial number already active for the same model, on any account', async () => {
    await ok(install())
    const result = await install(newMeter({ serialNumber: '41234567' }), otherAccountId)
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        fields: {
          'meter.serialNumber':
            'Заводской номер: счетчик Меркурий 201.8 № 41234567 уже установлен (лицевой счет 7700000001).',
        },
      },
    })
    expect(count("SELECT count(*) FROM outbox WHERE name = 'meter.install'")).toBe(1)
    // Another model may carry the same number.
    await ok(install(newMeter({ model: 'Нева 303' }), otherAccountId))
  })

  it.each([
    [
      { installedAt: '2026-11-21' },
      'meter.installedAt',
      'Дата установки: не может быть позже сегодняшнего дня',
    ],
    [{ intDigits: '12' }, 'meter.intDigits', 'Знаков до запятой: от 1 до 9'],
    [{ service: 'heating' }, 'meter.service', 'Услуга: не подключена на этом лицевом счете.'],
  ])('refuses %j with the field named', async (overrides, key, message) => {
    const result = await install(newMeter(overrides))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.[key]).toBe(message)
    expect(count("SELECT count(*) FROM meters WHERE status = 'active'")).toBe(1)
  })
})

describe('meter.replace', () => {
  it('closes the old meter with its final reading and opens the new one; consumption never spans them', async () => {
    const { meterId } = (await ok(replace({ T1: '10560', T2: '5230' }))) as { meterId: string }

    const meters = (await card()).meters
    expect(meters.find((m) => m.id === 'old')).toMatchObject({
      status: 'removed',
      removedAt: '2026-11-20',
      lastReadings: [
        { zone: 'T1', date: '2026-11-20', value: '10560' },
        { zone: 'T2', date: '2026-11-20', value: '5230' },
      ],
    })
    expect(meters.find((m) => m.id === meterId)).toMatchObject({ status: 'active' })
    // The final reading measures the old meter only: 10560 - 10450 and 5230 - 5200.
    expect(
      rows(
        "SELECT zone, value, consumption FROM readings WHERE meter_id = 'old' AND reading_date = '2026-11-20' ORDER BY zone",
      ),
    ).toEqual([
      { zone: 'T1', value: 10_560, consumption: 110 },
      { zone: 'T2', value: 5_230, consumption: 30 },
    ])
    expect(count("SELECT count(*) FROM outbox WHERE name = 'meter.replace'")).toBe(1)

    // The entry screen sees the new meter only, measured from its initial reading.
    const context = await entry()
    expect(context.meters.map((m) => m.meterId)).toEqual([meterId])
    expect(context.meters[0]!.previous).toMatchObject({ T1: { value: 12 }, T2: { value: 3 } })
    const submitted = (await ok(
      t.app.dispatch(
        'readings.submit',
        {
          accountId,
          source: 'phone',
          readingDate: '2026-11-20',
          meters: [{ meterId, values: { T1: '17', T2: '5' } }],
        },
        tab,
      ),
    )) as SubmitReadingsResult
    expect(submitted.results[0]!.zones.map((z) => z.consumption)).toEqual([5, 2])
  })

  it('refuses a final reading below the previous one and changes nothing', async () => {
    const result = await replace({ T1: '10400', T2: '5230' })
    expect(result).toMatchObject({
      ok: false,
      error: {
        fields: {
          'finalReadings.T1':
            'Конечное показание T1: меньше предыдущего показания 10450 от 20.10.2026',
        },
      },
    })
    expect(count("SELECT count(*) FROM meters WHERE status = 'active'")).toBe(1)
    expect(count('SELECT count(*) FROM readings')).toBe(4)
  })

  it('refuses a new meter for another service', async () => {
    const result = await replace({ T1: '10560', T2: '5230' }, newMeter({ service: 'hot_water' }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.['meter.service']).toMatch(/^Услуга: /)
  })
})

describe('meter.remove', () => {
  it('removes the meter with its final reading; its readings stay and the entry screen drops it', async () => {
    await ok(
      t.app.dispatch(
        'meters.remove',
        {
          accountId,
          meterId: 'old',
          removedAt: '2026-11-19',
          finalReadings: { T1: '10500', T2: '5200' },
          reason: 'Истек срок поверки',
        },
        tab,
      ),
    )
    expect((await card()).meters[0]).toMatchObject({
      id: 'old',
      status: 'removed',
      removedAt: '2026-11-19',
    })
    expect(count("SELECT count(*) FROM readings WHERE meter_id = 'old'")).toBe(6)
    expect(
      rows(
        "SELECT consumption FROM readings WHERE meter_id = 'old' AND reading_date = '2026-11-19' ORDER BY zone",
      ),
    ).toEqual([{ consumption: 50 }, { consumption: 0 }])
    expect((await entry()).meters).toEqual([])
    const again = await t.app.dispatch(
      'meters.remove',
      {
        accountId,
        meterId: 'old',
        removedAt: '2026-11-20',
        finalReadings: { T1: '10500', T2: '5200' },
        reason: 'Повтор',
      },
      tab,
    )
    expect(again).toMatchObject({ ok: false, error: { message: 'Счетчик: № 1001 уже снят.' } })
  })

  it('gives the form the old meter with its last readings and the office today', async () => {
    const context = await ok(
      t.app.dispatch('meters.formContext', { accountId, meterId: 'old' }, tab),
    )
    expect(context).toMatchObject({
      today: '2026-11-20',
      services: ['electricity'],
      old: {
        id: 'old',
        zones: 2,
        intDigits: 5,
        previous: { T1: { date: '2026-10-20', value: 10_450 } },
      },
    })
  })
})
