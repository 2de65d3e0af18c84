// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { useServiceRequestsStore } from '../../src-renderer/service-requests/store'
import { useRendererApp } from '../support/renderer-bridge'

const app = useRendererApp({ account: true }, ({ backend }) => {
  backend.run(
    `INSERT INTO price_list (id, kind, valid_from, price, supplier_id)
     VALUES ('p1', 'sealing', '2025-01-01', 150000, 'supplier-1')`,
  )
})

describe('the service requests store', () => {
  it("registers a paid request at its price, and the account's list shows it", async () => {
    const store = useServiceRequestsStore()
    await store.loadPrices()
    expect(store.prices.find((p) => p.kind === 'sealing')?.price).toBe(150_000)

    const registered = await store.register({
      accountId: app.accountId,
      kind: 'sealing',
      contactPhone: '+7 910 123-45-67',
    })
    expect(registered.ok).toBe(true)
    await store.load(app.accountId)
    expect(store.requests.map((r) => [r.number, r.kind, r.status])).toEqual([
      [registered.ok && registered.value.number, 'sealing', 'new'],
    ])
    expect(store.appeals).toEqual([])
  })

  it('refuses an appeal without its text, naming the field in Russian', async () => {
    const store = useServiceRequestsStore()
    const refused = await store.registerAppeal({
      accountId: app.accountId,
      topic: 'billing',
      text: '',
      replyChannel: 'phone',
      replyAddress: '+7 910 123-45-67',
      attachments: [],
    })
    expect(refused.ok).toBe(false)
    expect(!refused.ok && Object.values(refused.error.fields ?? {}).join(' ')).toMatch(/[А-Яа-я]/u)
  })
})
