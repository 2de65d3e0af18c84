import { describe, expect, it } from 'vitest'
import { generateDemo } from '../../src-demo/generate'
import type { DemoAccount, DemoOptions } from '../../src-demo/types'

const golden: DemoOptions = { seed: 42, accounts: 5, months: 3, today: '2026-11-01' }

function accountsOf(options: DemoOptions): DemoAccount[] {
  return [...generateDemo(options)].flatMap((c) => (c.kind === 'account' ? [c.account] : []))
}

describe('the demo generator', () => {
  it('gives exactly the committed output for seed 42', async () => {
    const chunks = [...generateDemo(golden)]
    await expect(`${JSON.stringify(chunks, null, 2)}\n`).toMatchFileSnapshot(
      'golden/seed-42-accounts-5-months-3.json',
    )
  })

  it('is deterministic and keeps who lives where when the history is longer', () => {
    const a = accountsOf({ ...golden, accounts: 50 })
    const b = accountsOf({ ...golden, accounts: 50 })
    expect(b).toEqual(a)
    const longer = accountsOf({ ...golden, accounts: 50, months: 12 })
    const shortest = accountsOf({ ...golden, accounts: 50, months: 1 })
    const identity = (x: DemoAccount) => [
      x.account.number,
      x.account.els,
      x.account.street,
      x.account.house,
      x.account.flat,
      x.customers.map((c) => `${c.lastName} ${c.firstName} ${c.middleName} ${c.phone}`),
      x.meters.map((m) => m.model),
    ]
    expect(longer.map(identity)).toEqual(a.map(identity))
    expect(shortest.map(identity)).toEqual(a.map(identity))
  })

  it('makes unique ids, account numbers, ELS, serials and receipt numbers', () => {
    const accounts = accountsOf({ seed: 7, accounts: 2000, months: 6, today: '2026-05-20' })
    const unique = (values: (string | null)[]) => {
      const present = values.filter((v): v is string => v !== null)
      expect(new Set(present).size).toBe(present.length)
      return present.length
    }
    unique(
      accounts.flatMap((a) => [
        a.account.id,
        ...a.customers.map((c) => c.id),
        ...a.meters.map((m) => m.id),
        ...a.readings.map((r) => r.id),
        ...a.charges.map((c) => c.id),
        ...a.payments.map((p) => p.id),
        ...a.paymentLines.map((l) => l.id),
      ]),
    )
    expect(unique(accounts.map((a) => a.account.number))).toBe(2000)
    expect(unique(accounts.map((a) => a.account.els))).toBeGreaterThan(1500)
    unique(accounts.flatMap((a) => a.meters.map((m) => m.serialNumber)))
    expect(unique(accounts.flatMap((a) => a.payments.map((p) => p.receiptNumber)))).toBeGreaterThan(
      100,
    )
  })

  it('pays by the ledger: every payment is the sum of its lines', () => {
    for (const a of accountsOf({ seed: 3, accounts: 300, months: 12, today: '2026-11-20' })) {
      for (const p of a.payments) {
        const lines = a.paymentLines.filter((l) => l.paymentId === p.id)
        expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(p.amount)
        expect(p.amount).toBeGreaterThan(0)
      }
    }
  })

  it('writes names in the right gender forms', () => {
    const people = accountsOf({ seed: 5, accounts: 500, months: 1, today: '2026-11-20' }).flatMap(
      (a) => a.customers,
    )
    for (const c of people) {
      if (c.middleName?.endsWith('вна') || c.middleName?.endsWith('чна')) {
        expect(c.lastName).not.toMatch(/(ов|ев|ёв|ин|ский|цкий)$/u)
      }
      if (c.middleName?.endsWith('вич') || c.middleName?.endsWith('ьич')) {
        expect(c.lastName).not.toMatch(/(ова|ева|ёва|ина|ская|цкая)$/u)
      }
    }
  })

  it('refuses options it cannot honour', () => {
    expect(() => [...generateDemo({ ...golden, today: '01.11.2026' })]).toThrow(/today/)
    expect(() => [...generateDemo({ ...golden, today: '2026-13-01' })]).toThrow(/today/)
    expect(() => [...generateDemo({ ...golden, months: 0 })]).toThrow(/months/)
    expect(() => [...generateDemo({ ...golden, accounts: -1 })]).toThrow(/accounts/)
  })
})
