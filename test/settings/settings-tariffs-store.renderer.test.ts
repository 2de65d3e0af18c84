// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import {
  isAmountSetting,
  typedSetting,
  useSettingsStore,
} from '../../src-renderer/settings/settings-store'
import { useTariffsStore } from '../../src-renderer/settings/tariffs-store'
import { useRendererApp } from '../support/renderer-bridge'

const app = useRendererApp({ login: 'super' })

describe('the settings store', () => {
  it('lists each editable setting with the value in force and the next one', async () => {
    app.backend.run(
      `INSERT INTO settings (key, valid_from, value) VALUES
       ('debtAlertThreshold', '2020-01-01', '150000'), ('debtAlertThreshold', '2099-01-01', '200000')`,
    )
    const settings = useSettingsStore()
    await settings.load()
    expect(settings.error).toBeNull()
    const debt = settings.rows.find((r) => r.key === 'debtAlertThreshold')
    expect(debt).toEqual({
      key: 'debtAlertThreshold',
      value: 150000,
      validFrom: '2020-01-01',
      next: { value: 200000, validFrom: '2099-01-01' },
    })
    expect(settings.rows.map((r) => r.key)).toContain('screenLockMinutes')
  })

  it.each([
    ['debtAlertThreshold', 150000, '1 500,00', true],
    ['shiftDifferenceSupervisorThreshold', 5, '0,05', true],
    ['screenLockMinutes', 10, '10', false],
    ['receiptPrinter', 'HP', 'HP', false],
  ] as const)('shows %s = %s to the admin as «%s» (kopecks: %s)', (key, value, typed, amount) => {
    // Thousands are apart by a narrow no-break space, as the money format writes them.
    expect(typedSetting(key, value).replace(/\s/gu, ' ')).toBe(typed)
    expect(isAmountSetting(key)).toBe(amount)
  })

  it('refuses an amount that is not one, naming the setting, before asking the app', async () => {
    const settings = useSettingsStore()
    const saved = await settings.save('debtAlertThreshold', '15 руб', '2099-01-01')
    expect(saved.ok).toBe(false)
    expect(!saved.ok && saved.error.fields?.value).toMatch(/^Порог долга для предупреждения: /u)
  })

  it("refuses a supervisor's new value in Russian and keeps the list as it was", async () => {
    const settings = useSettingsStore()
    await settings.load()
    const before = settings.rows
    const saved = await settings.save('debtAlertThreshold', '2 000,00', '2099-01-01')
    expect(saved.ok).toBe(false)
    expect(!saved.ok && saved.error.code).toBe('forbidden')
    expect(!saved.ok && saved.error.message).toMatch(/[А-Яа-я]/u)
    expect(settings.rows).toBe(before)
  })
})

describe('the tariffs store', () => {
  it('lists the rates with their suppliers and refuses a non-admin a new rate', async () => {
    const tariffs = useTariffsStore()
    await tariffs.load()
    expect(tariffs.error).toBeNull()
    const supplier = tariffs.suppliers[0]
    expect(supplier).toBeDefined()
    app.backend.run(
      `INSERT INTO tariffs (id, supplier_id, service, tariff_group, zone, valid_from, rate_millikopecks)
       VALUES ('t-test', ?, 'electricity', 'urban_gas', 'T1', '2020-01-01', 463000)`,
      supplier!.id,
    )
    await tariffs.load()
    expect(tariffs.tariffs.find((r) => r.id === 't-test')).toMatchObject({
      supplierName: supplier!.shortName,
      validFrom: '2020-01-01',
      rateMillikopecks: 463000,
    })
    const set = await tariffs.setTariff({
      supplierId: supplier!.id,
      service: 'electricity',
      tariffGroup: 'urban_gas',
      zone: 'T1',
      validFrom: '2099-01-01',
      rate: '5,00',
    })
    expect(set.ok).toBe(false)
    expect(!set.ok && set.error.message).toMatch(/[А-Яа-я]/u)
  })
})
