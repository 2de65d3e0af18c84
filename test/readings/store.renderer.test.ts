// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { useReadingsStore } from '../../src-renderer/readings/store'
import { useRendererApp } from '../support/renderer-bridge'

const app = useRendererApp({ account: true }, ({ backend, accountId }) => {
  backend.run(
    `INSERT INTO meters (id, account_id, service, model, serial_number, zones, int_digits, frac_digits, installed_at, verified_at, verification_interval_years, next_verification_at)
     VALUES ('m1', ?, 'electricity', 'СО-505', '1001', 1, 5, 0, '2020-05-01', '2020-04-01', 16, '2036-04-01')`,
    accountId,
  )
  const insert = `INSERT INTO readings (id, meter_id, account_id, zone, raw_value, value, consumption, reading_date, entered_at, period, source, status, operator_id)
     VALUES (?, 'm1', ?, 'T1', ?, ?, ?, ?, ?, ?, 'phone', 'accepted', 'op-clerk')`
  backend.run(
    insert,
    'r-oct',
    accountId,
    '1100',
    1100,
    100,
    '2026-10-20',
    '2026-10-20T10:00:00Z',
    '2026-10',
  )
  backend.run(
    insert,
    'r-nov',
    accountId,
    '1250',
    1250,
    150,
    '2026-11-19',
    '2026-11-19T10:00:00Z',
    '2026-11',
  )
})

describe('the readings store', () => {
  it("lists an account's readings, newest first, and a meter's year of consumption", async () => {
    const store = useReadingsStore()
    const history = await store.history({ accountId: app.accountId })
    expect(history.ok && history.value.map((l) => [l.id, l.rawValue])).toEqual([
      ['r-nov', '1250'],
      ['r-oct', '1100'],
    ])
    const stats = await store.statistics('m1', 2026)
    expect(stats.ok && stats.value.months.find((m) => m.period === '2026-11')?.total).toBe(150)
  })

  it("deletes the clerk's own reading with its reason, refuses one without, in Russian", async () => {
    const store = useReadingsStore()
    const refused = await store.remove('r-nov', '')
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error.fields?.reason).toMatch(/[Пп]ричин/u)

    expect((await store.remove('r-nov', 'Ошибка оператора')).ok).toBe(true)
    const history = await store.history({ accountId: app.accountId })
    const deleted = history.ok ? history.value.find((l) => l.id === 'r-nov') : undefined
    expect(deleted?.deleted).toBeTruthy()
  })
})
