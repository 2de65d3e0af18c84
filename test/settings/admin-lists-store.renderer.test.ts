// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { useOperatorsStore } from '../../src-renderer/settings/operators-store'
import { recordFields, useSettingsRecordsStore } from '../../src-renderer/settings/records-store'
import { useRendererApp } from '../support/renderer-bridge'

// A supervisor sees the admin's lists; only an admin saves them (at the server, with a live
// session), so here a save is refused and the form keeps what was typed.
useRendererApp({ login: 'super' })

describe('the operators store', () => {
  it('lists the operators and offices; a new one starts as a clerk of the first office', async () => {
    const store = useOperatorsStore()
    await store.load()
    expect(store.loadError).toBeNull()
    expect(store.operators.map((o) => o.login)).toContain('super')
    expect(store.offices.length).toBeGreaterThan(0)
    store.startNew()
    expect(store.draft).toMatchObject({
      operatorId: null,
      role: 'clerk',
      officeId: store.offices[0]!.id,
      active: true,
      password: '',
    })
  })

  it('refuses a save by a supervisor, keeps the draft, and clears the refusal on cancel', async () => {
    const store = useOperatorsStore()
    await store.load()
    const row = store.operators.find((o) => o.login === 'super')!
    store.startEdit(row)
    store.draft!.fullName = 'Иванова Мария'
    expect(await store.save()).toBe(false)
    expect(store.saving).toBe(false)
    expect(store.saveError?.message).toMatch(/[А-Яа-я]/u)
    expect(store.draft).toMatchObject({ operatorId: row.id, fullName: 'Иванова Мария' })
    store.cancel()
    expect([store.draft, store.saveError]).toEqual([null, null])
  })

  it('saves nothing without a draft', async () => {
    const store = useOperatorsStore()
    expect(await store.save()).toBe(false)
    expect(store.saveError).toBeNull()
  })
})

describe('the suppliers and offices store', () => {
  it.each(['supplier', 'office'] as const)(
    'opens the %s as its text fields, empty ones as empty text',
    async (kind) => {
      const store = useSettingsRecordsStore()
      await store.load()
      const row = (kind === 'supplier' ? store.suppliers : store.offices)[0]!
      store.start(kind, row)
      expect(store.editing?.id).toBe(row.id)
      expect(Object.keys(store.editing!.values)).toEqual([...recordFields[kind]])
      expect(store.editing!.values.name).toBe(row.name)
      expect(Object.values(store.editing!.values).every((v) => typeof v === 'string')).toBe(true)
    },
  )

  it('starts a new office empty and refuses its save by a supervisor', async () => {
    const store = useSettingsRecordsStore()
    store.start('office', null)
    expect(store.editing).toEqual({
      kind: 'office',
      id: null,
      values: { name: '', address: '', phone: '' },
    })
    store.editing!.values.name = 'Офис на Ленина'
    expect(await store.save()).toBe(false)
    expect(store.saveError?.message).toMatch(/[А-Яа-я]/u)
    expect(store.editing?.values.name).toBe('Офис на Ленина')
  })
})
