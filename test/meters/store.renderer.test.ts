// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { useAccountCardStore } from '../../src-renderer/accounts/card-store'
import { useMetersStore } from '../../src-renderer/meters/store'
import { useRendererApp } from '../support/renderer-bridge'
import { typedMeter } from './support/typed-meter'

const app = useRendererApp({ account: true })

const meter = (overrides: Record<string, unknown> = {}) =>
  typedMeter({ zones: '1', seals: '', initialReadings: { T1: '12,4' }, ...overrides })

describe('the meters store', () => {
  it("gives the install form today and the account's services", async () => {
    const context = await useMetersStore().formContext(app.accountId)
    expect(context).toMatchObject({ ok: true, value: { today: '2026-11-20', old: null } })
    expect(context.ok && context.value.services).toContain('electricity')
  })

  it('installs a meter the card then lists, and removes it', async () => {
    const meters = useMetersStore()
    const installed = await meters.install({ accountId: app.accountId, meter: meter() } as never)
    expect(installed.ok).toBe(true)
    const meterId = installed.ok ? installed.value.meterId : ''
    const card = useAccountCardStore()
    await card.load(app.accountId)
    expect(card.card?.meters.map((m) => [m.id, m.serialNumber, m.status])).toEqual([
      [meterId, '41234567', 'active'],
    ])

    const removed = await meters.remove({
      accountId: app.accountId,
      meterId,
      removedAt: '2026-11-20',
      finalReadings: { T1: '20' },
      reason: 'Неисправен',
    } as never)
    expect(removed).toMatchObject({ ok: true, value: { meterId } })
    await card.load(app.accountId)
    expect(card.card?.meters.find((m) => m.id === meterId)?.status).toBe('removed')
  })

  it('answers a refusal in Russian naming the field', async () => {
    const refused = await useMetersStore().install({
      accountId: app.accountId,
      meter: meter({ serialNumber: '' }),
    } as never)
    expect(refused.ok).toBe(false)
    expect(!refused.ok && Object.values(refused.error.fields ?? {}).join(' ')).toMatch(
      /[Нн]омер|№/u,
    )
  })
})
