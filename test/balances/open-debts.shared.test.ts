import { describe, expect, it } from 'vitest'
import { openDebts, type DebtMovement } from '../../src-shared/balances/open-debts'

const el = { supplierId: 's1', service: 'electricity' } as const
const m = (period: string | null, amount: number): DebtMovement => ({ ...el, period, amount })

describe('open debts: what each line still owes, oldest periods settled first', () => {
  it.each([
    ['nothing charged', [], []],
    [
      'two charges, nothing paid',
      [m('2026-09', 1000), m('2026-10', 1200)],
      [
        { period: '2026-09', amount: 1000 },
        { period: '2026-10', amount: 1200 },
      ],
    ],
    [
      'a partial payment settles the oldest first',
      [m('2026-09', 1000), m('2026-10', 1200), m(null, -1500)],
      [{ period: '2026-10', amount: 700 }],
    ],
    [
      'a cancelled payment brings the debt back',
      [m('2026-09', 1000), m(null, -1000), m(null, 1000)],
      [{ period: '2026-09', amount: 1000 }],
    ],
    ['an overpayment leaves nothing open', [m('2026-09', 1000), m(null, -5000)], []],
    [
      'a negative recalculation settles like a payment',
      [m('2026-09', 1000), m('2026-10', 500), m('2026-10', -800)],
      [{ period: '2026-09', amount: 700 }],
    ],
    [
      'an opening debt is the oldest period',
      [m('2026-10', 300), m('2025-12', 200), m(null, -250)],
      [{ period: '2026-10', amount: 250 }],
    ],
  ] as const)('%s', (_name, movements, periods) => {
    expect(openDebts([el], movements)).toEqual([{ ...el, periods }])
  })

  it('lists a line with no movements, so it can be paid in advance', () => {
    const water = { supplierId: 's2', service: 'hot_water' } as const
    expect(openDebts([el, water], [m('2026-10', 100)])).toEqual([
      { ...el, periods: [{ period: '2026-10', amount: 100 }] },
      { ...water, periods: [] },
    ])
  })
})
