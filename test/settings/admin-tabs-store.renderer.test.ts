// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { usePricesStore } from '../../src-renderer/settings/prices-store'
import { usePrintersStore } from '../../src-renderer/settings/printers-store'
import { useRendererApp } from '../support/renderer-bridge'

const app = useRendererApp({ login: 'super' })

describe('the printers store', () => {
  it('reads the choices per kind and prints a test page to the chosen one (none: a PDF)', async () => {
    const printers = usePrintersStore()
    await printers.load()
    expect(printers.error).toBeNull()
    expect(printers.choices?.receiptPrinter).toBe('')
    expect(printers.choices?.documentPrinter).toBe('')
    const printed = await printers.testPage('receipt')
    expect(printed.ok && printed.printed.kind).toBe('pdf')
  })

  it("refuses a supervisor's change of a printer, in Russian", async () => {
    const printers = usePrintersStore()
    const saved = await printers.save('document', 'HP_LaserJet')
    expect(saved.ok).toBe(false)
    expect(!saved.ok && saved.error.message).toMatch(/[А-Яа-я]/u)
  })
})

describe('the prices store', () => {
  it('lists the price in force per kind and the suppliers, and refuses a non-admin', async () => {
    const prices = usePricesStore()
    await prices.load()
    const supplierId = prices.suppliers[0]?.id ?? ''
    expect(supplierId).not.toBe('')
    app.backend.run(
      `INSERT INTO price_list (id, kind, valid_from, price, supplier_id)
       VALUES ('p1', 'sealing', '2020-01-01', 85000, ?), ('p2', 'sealing', '2099-01-01', 1, ?)`,
      supplierId,
      supplierId,
    )
    await prices.load()
    expect(prices.prices).toEqual([
      { kind: 'sealing', validFrom: '2020-01-01', price: 85000, supplierId },
    ])
    const set = await prices.setPrice({
      kind: 'sealing',
      validFrom: '2099-02-01',
      price: 90000,
      supplierId,
    })
    expect(set.ok).toBe(false)
    expect(!set.ok && set.error.message).toMatch(/[А-Яа-я]/u)
  })
})
