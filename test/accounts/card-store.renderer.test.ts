// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { useAccountCardStore } from '../../src-renderer/accounts/card-store'
import { useNotificationsStore } from '../../src-renderer/notifications/store'
import { useRendererApp } from '../support/renderer-bridge'

const app = useRendererApp({ account: true })

describe('the account card store', () => {
  it('loads the card, records a consent the card then shows', async () => {
    const store = useAccountCardStore()
    await store.load(app.accountId)
    expect(store.card).toMatchObject({ id: app.accountId, number: '7700000001', status: 'open' })
    const options = await store.formOptions()
    expect(options).toMatchObject({ ok: true, value: { today: '2026-11-20' } })

    const recorded = await store.recordConsent({
      accountId: app.accountId,
      kind: 'paper_bill',
      given: true,
      date: '2026-11-20',
    })
    expect(recorded.ok).toBe(true)
    await store.load(app.accountId)
    expect(store.card?.consents.map((c) => [c.kind, c.given])).toEqual([['paper_bill', true]])
  })

  it('closes the account, which the alerts then name; a second close is refused in Russian', async () => {
    const store = useAccountCardStore()
    await store.load(app.accountId)
    const card = store.card!
    const input = {
      accountId: app.accountId,
      expectedVersion: card.version,
      date: '2026-11-20',
      reason: 'Снос дома',
      source: 'office' as const,
      finalReadings: [],
    }
    expect((await store.close(input)).ok).toBe(true)
    await store.load(app.accountId)
    expect(store.card?.status).toBe('closed')

    const alerts = useNotificationsStore()
    const own = await alerts.forAccount(app.accountId)
    expect(own.ok && own.value.map((a) => a.kind)).toEqual(['closed'])
    const list = await alerts.list({ kind: 'closed' })
    expect(list.ok && list.value.rows.map((r) => r.number)).toEqual(['7700000001'])

    const again = await store.close(input)
    expect(again.ok).toBe(false)
    expect(!again.ok && again.error.message).toMatch(/[А-Яа-я]/u)
  })

  it('links a new person to the account and unlinks them again', async () => {
    const store = useAccountCardStore()
    const linked = await store.linkPerson({
      accountId: app.accountId,
      relation: 'registered',
      person: {
        lastName: 'Смирнова',
        firstName: 'Анна',
        middleName: null,
        phone: null,
        email: null,
      },
    })
    expect(linked.ok).toBe(true)
    await store.load(app.accountId)
    expect(store.card?.persons.map((p) => [p.fullName, p.relation])).toEqual([
      ['Смирнова Анна', 'registered'],
    ])

    const link = store.card!.persons[0]!
    expect((await store.unlinkPerson(app.accountId, link.linkId)).ok).toBe(true)
    await store.load(app.accountId)
    expect(store.card?.persons).toEqual([])

    const nameless = await store.linkPerson({
      accountId: app.accountId,
      relation: 'registered',
      person: { lastName: '', firstName: 'Анна', middleName: null, phone: null, email: null },
    })
    expect(!nameless.ok && nameless.error.fields?.['person.lastName']).toMatch(/[А-Яа-я]/u)
  })

  it('forgets the card on clear, and an unknown account is an error in Russian', async () => {
    const store = useAccountCardStore()
    await store.load('no-such-account')
    expect(store.card).toBeNull()
    expect(store.error).toMatch(/[А-Яа-я]/u)
    await store.load(app.accountId)
    store.clear()
    expect([store.card, store.error, store.loading]).toEqual([null, null, false])
  })
})
