// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { checkDraft, emptyDraft } from '../../src-renderer/accounts/form/account-draft'
import { useAccountFormStore } from '../../src-renderer/accounts/form/form-store'
import { useRendererApp } from '../support/renderer-bridge'

const app = useRendererApp({ account: true })

describe('the account form store', () => {
  it('registers a typed draft, which the duplicates check then names for a like one', async () => {
    const store = useAccountFormStore()
    const options = await store.loadOptions()
    expect(options?.offices.length).toBeGreaterThan(0)
    const draft = emptyDraft(options!)
    Object.assign(draft, {
      number: '7700000002',
      lastName: 'Кузнецова',
      firstName: 'Ольга',
      phone: '8 (916) 555-44-33',
      region: 'Тверская обл.',
      settlement: 'г. Конаково',
      street: 'ул. Мира',
      house: '7',
      flat: '3',
      residents: '2',
    })
    const { value, errors } = checkDraft(draft, options)
    expect(errors).toEqual({})
    const registered = await store.register({ ...value!, existingHolderId: null })
    expect(registered.ok).toBe(true)

    const address = {
      settlement: 'г. Конаково',
      street: 'ул. Мира',
      house: '7',
      building: '',
      flat: '3',
    }
    const found = await store.duplicates({
      exceptAccountId: null,
      lastName: 'Кузнецова',
      phone: null,
      address,
    })
    expect(found.ok && found.value.map((c) => [c.number, c.reasons.includes('address')])).toEqual([
      ['7700000002', true],
    ])
    // The account being edited is not its own duplicate.
    const own = await store.duplicates({
      exceptAccountId: registered.ok ? registered.value.accountId : null,
      lastName: 'Кузнецова',
      phone: null,
      address,
    })
    expect(own.ok && own.value).toEqual([])

    const customers = await store.findCustomers('Кузнецова')
    expect(customers.map((c) => c.accounts.map((a) => a.number))).toEqual([['7700000002']])
  })

  it('refuses a number already taken, on the number field, in Russian', async () => {
    const store = useAccountFormStore()
    const options = await store.loadOptions()
    const stored = await store.stored(app.accountId)
    expect(stored.ok).toBe(true)
    if (!stored.ok) return
    const again = await store.register({ ...stored.value.fields, existingHolderId: null })
    expect(again.ok).toBe(false)
    expect(!again.ok && again.error.fields?.number).toMatch(/[А-Яа-я]/u)
    expect(options?.numberFormat).toBeDefined()
  })

  it('edits the stored account at its version; a stale version is a conflict', async () => {
    const store = useAccountFormStore()
    const stored = await store.stored(app.accountId)
    expect(stored.ok && stored.value.fields.number).toBe('7700000001')
    if (!stored.ok) return
    const { version } = stored.value
    const edited = await store.edit({
      accountId: app.accountId,
      expectedVersion: version,
      changes: { residents: 5 },
    })
    expect(edited.ok && edited.value.version).toBeGreaterThan(version)
    const reread = await store.stored(app.accountId)
    expect(reread.ok && reread.value.fields.residents).toBe(5)

    const stale = await store.edit({
      accountId: app.accountId,
      expectedVersion: version,
      changes: { rooms: 4 },
    })
    expect(stale.ok).toBe(false)
    expect(!stale.ok && stale.error.code).toBe('conflict')
    expect(!stale.ok && stale.error.message).toMatch(/[А-Яа-я]/u)
  })
})
