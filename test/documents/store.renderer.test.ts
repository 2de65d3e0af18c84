// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { useDocumentsStore } from '../../src-renderer/documents/store'
import { useRendererApp } from '../support/renderer-bridge'

const app = useRendererApp({ account: true }, ({ backend, accountId }) => {
  const bill = `INSERT INTO bills (id, account_id, period, document_number, opening_balance, charged,
                      penalties, paid, closing_balance, due_date, created_at)
     VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, ?, '2026-11-01T00:00:00Z')`
  backend.run(bill, 'b9', accountId, '2026-09', '7700000001-202609', '2026-10-10')
  backend.run(bill, 'b10', accountId, '2026-10', '7700000001-202610', '2026-11-10')
})

describe('the documents store', () => {
  it("offers the account's billed periods, newest first, and its services", async () => {
    const documents = useDocumentsStore()
    const choices = await documents.choices(app.accountId)
    expect(choices.ok && choices.value.periods.map((p) => p.documentNumber)).toEqual([
      '7700000001-202610',
      '7700000001-202609',
    ])
    expect(choices.ok && choices.value.services).toEqual(['electricity'])
  })

  it('refuses a code that is not a bill, in Russian, and keeps no bill for the payment', async () => {
    const documents = useDocumentsStore()
    const scanned = await documents.scan('ST00012|Name=не счет')
    expect(scanned.ok).toBe(false)
    expect(!scanned.ok && scanned.error.message).toMatch(/[А-Яа-я]/u)
    expect(documents.scanned).toBeNull()
    expect(documents.takeScanned(app.accountId)).toBeNull()
  })
})
