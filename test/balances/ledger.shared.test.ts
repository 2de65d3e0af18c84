import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  balanceOf,
  balancesBySupplierService,
  type LedgerKind,
} from '../../src-shared/balances/ledger'

describe('the ledger balance', () => {
  it.each([
    [[], 0],
    [[{ kind: 'opening', amount: 10_000 }], 10_000],
    [
      [
        { kind: 'charge', amount: 150_050 },
        { kind: 'payment', amount: 150_050 },
      ],
      0,
    ],
    [
      [
        { kind: 'charge', amount: 100_00 },
        { kind: 'payment', amount: 150_00 },
      ],
      -50_00,
    ],
    [
      [
        { kind: 'charge', amount: 100_00 },
        { kind: 'payment', amount: 100_00 },
        { kind: 'cancellation', amount: 100_00 },
      ],
      100_00,
    ],
    [
      [
        { kind: 'recalculation', amount: -30_00 },
        { kind: 'penalty', amount: 1_37 },
      ],
      -28_63,
    ],
  ] as [{ kind: LedgerKind; amount: number }[], number][])(
    '%j -> %i kopecks',
    (entries, expected) => {
      expect(balanceOf(entries)).toBe(expected)
    },
  )

  it('refuses amounts that are not whole kopecks', () => {
    expect(() => balanceOf([{ kind: 'charge', amount: 10.5 }])).toThrow(/integer kopecks/)
  })

  it('equals the signed sum of any sequence of movements, also split by supplier and service', () => {
    const kinds: LedgerKind[] = [
      'opening',
      'charge',
      'recalculation',
      'penalty',
      'payment',
      'cancellation',
    ]
    const entry = fc.record({
      kind: fc.constantFrom(...kinds),
      supplierId: fc.constantFrom('s1', 's2'),
      service: fc.constantFrom('electricity' as const, 'heating' as const),
      amount: fc.integer({ min: 0, max: 10_000_000 }),
    })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
        const expected = entries.reduce(
          (sum, e) => sum + (e.kind === 'payment' ? -e.amount : e.amount),
          0,
        )
        expect(balanceOf(entries)).toBe(expected)
        const split = balancesBySupplierService(entries).reduce((sum, b) => sum + b.balance, 0)
        expect(split).toBe(expected)
      }),
    )
  })
})
