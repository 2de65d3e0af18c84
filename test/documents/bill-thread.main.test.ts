import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BillThread, billWorkerSource } from '../../src-main/documents/bill-thread'
import { ids, registerTestAccount, tempApp, type TempApp } from '../support/temp-app'

let t: TempApp
let accounts: string[]

/** Three accounts; the second has no bill for October. */
beforeEach(() => {
  t = tempApp(new Date('2026-11-20T09:00:00Z'))
  const db = t.app.services.db
  accounts = ['7700000021', '7700000022', '7700000023'].map((number) =>
    registerTestAccount(t, { number }),
  )
  for (const [i, id] of [accounts[0]!, accounts[2]!].entries()) {
    db.$client
      .prepare(
        `INSERT INTO charges (id, account_id, supplier_id, service, period, kind, amount, created_at)
         VALUES (?, ?, ?, 'electricity', '2026-10', 'charge', 12345, '2026-11-01T00:00:00Z')`,
      )
      .run(`c${i}`, id, ids.supplier)
    db.$client
      .prepare(
        `INSERT INTO bills (id, account_id, period, document_number, opening_balance, charged,
                            penalties, paid, closing_balance, due_date, created_at)
         VALUES (?, ?, '2026-10', ?, 0, 0, 0, 0, 0, '2026-11-10', '2026-11-01T00:00:00Z')`,
      )
      .run(`b${i}`, id, `TH-${i}`)
  }
})
afterEach(() => t.cleanup())

function thread(file: string, perJob: number, accountIds = accounts): BillThread {
  return new BillThread(billWorkerSource, {
    file,
    period: '2026-10',
    timeZone: 'Europe/Moscow',
    accountIds,
    perJob,
    title: 'ЕПД за 2026-10',
  })
}

describe('the bill thread builds a batch’s pages off the main thread', () => {
  it('fills a page with perJob bills, skipping accounts without one, in an owner-only file', async () => {
    const bills = thread(t.app.services.db.$client.name, 2)
    try {
      // Two bills make the page: the second account, without one, is passed over.
      const first = await bills.build(0)
      expect(first).toMatchObject({ end: 3, bills: 2 })
      const html = readFileSync(first.file!, 'utf8')
      expect(html).toContain('TH-0')
      expect(html).toContain('TH-1')
      expect(html).toContain('7700000023')
      expect(html).not.toContain('7700000022')
      expect(statSync(first.file!).mode & 0o777).toBe(0o600)
      expect(statSync(bills.folder).mode & 0o777).toBe(0o700)
      // A resume from the second account: one bill left.
      expect(await bills.build(1)).toMatchObject({ end: 3, bills: 1 })
      await bills.discard(first.file!)
      expect(existsSync(first.file!)).toBe(false)
    } finally {
      await bills.close()
    }
    expect(existsSync(bills.folder)).toBe(false)
  })

  it('makes no page of accounts without a bill', async () => {
    const bills = thread(t.app.services.db.$client.name, 2, [accounts[1]!])
    try {
      expect(await bills.build(0)).toEqual({ end: 1, bills: 0, file: null })
    } finally {
      await bills.close()
    }
  })

  it('fails the page when the replica cannot be read, and every page after', async () => {
    const bills = thread(join(t.dir, 'no-such-replica.sqlite'), 2)
    try {
      await expect(bills.build(0)).rejects.toThrow()
      await expect(bills.build(2)).rejects.toThrow()
    } finally {
      await bills.close()
    }
  })
})
