import { describe, expect, it } from 'vitest'
import {
  penaltyAccrued,
  type PenaltyPayment,
  type PeriodDebt,
} from '../../src-shared/billing/penalties'
import { buildPenaltySheet } from '../../src-shared/documents/penalty-sheet'
import { debt, law } from '../billing/support/law'

// The cases billing's own penalty tests compute by hand.
const cases: [string, PeriodDebt[], PenaltyPayment[], string][] = [
  ['paid on day 30', [debt('2025-01')], [{ date: '2025-03-12', amount: 1_000_000 }], '2025-03-31'],
  ['paid on day 31', [debt('2025-01')], [{ date: '2025-03-13', amount: 1_000_000 }], '2025-03-31'],
  ['paid on day 91', [debt('2025-01')], [{ date: '2025-05-12', amount: 1_000_000 }], '2025-05-31'],
  [
    'a rate change inside',
    [debt('2022-04')],
    [{ date: '2022-08-08', amount: 1_000_000 }],
    '2022-08-31',
  ],
  ['the cap on open debt', [debt('2024-10')], [], '2025-02-28'],
  ['after the cap', [debt('2026-10')], [], '2027-01-15'],
  ['the moratorium', [debt('2020-02')], [{ date: '2021-01-10', amount: 1_000_000 }], '2021-01-31'],
  [
    'into the moratorium',
    [debt('2020-01')],
    [{ date: '2020-04-30', amount: 1_000_000 }],
    '2020-04-30',
  ],
  ['a partial payment', [debt('2025-01')], [{ date: '2025-04-01', amount: 400_000 }], '2025-04-30'],
  [
    'oldest first',
    [debt('2025-02'), debt('2025-01')],
    [{ date: '2025-04-01', amount: 1_000_000 }],
    '2025-04-30',
  ],
  ['money back', [debt('2025-01'), debt('2025-02', -500_000)], [], '2025-03-13'],
  [
    'a year of debts, some paid, a cancellation',
    ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'].map((p, i) =>
      debt(p, 123_457 + i * 7_919),
    ),
    [
      { date: '2024-05-20', amount: 200_000 },
      { date: '2024-07-02', amount: 50_001 },
      { date: '2024-07-03', amount: -50_001 },
      { date: '2024-09-15', amount: 333_333 },
    ],
    '2024-12-31',
  ],
]

describe('the penalty calculation sheet adds up to what billing accrued', () => {
  it.each(cases)('%s', (_name, debts, payments, calcDate) => {
    const sheet = buildPenaltySheet(debts, payments, calcDate, law.penalty)
    const billed = penaltyAccrued(debts, payments, calcDate, law.penalty)
    expect(sheet.total).toBe(billed)
    expect(sheet.lines.reduce((s, l) => s + l.amount, 0)).toBe(billed)
    for (const l of sheet.lines) {
      expect(l.days).toBeGreaterThan(0)
      expect(l.from <= l.to).toBe(true)
    }
  })
})

describe('the lines written out', () => {
  it('a debt paid on day 91: 60 days at 1/300, 1 day at 1/130, 9.5 %', () => {
    const sheet = buildPenaltySheet(
      [debt('2025-01')],
      [{ date: '2025-05-12', amount: 1_000_000 }],
      '2025-05-31',
      law.penalty,
    )
    expect(
      sheet.lines.map((l) => [
        l.periodText,
        l.debt,
        l.fromText,
        l.toText,
        l.days,
        l.rateText,
        l.share,
        l.amount,
      ]),
    ).toEqual([
      ['январь 2025', 1_000_000, '13.03.2025', '11.05.2025', 60, '9,50 %', '1/300', 19_000],
      ['январь 2025', 1_000_000, '12.05.2025', '12.05.2025', 1, '9,50 %', '1/130', 731],
    ])
    expect(sheet.total).toBe(19_731)
  })

  it('a partial payment: the paid part to its day, the rest to the calculation date', () => {
    const sheet = buildPenaltySheet(
      [debt('2025-01')],
      [{ date: '2025-04-01', amount: 400_000 }],
      '2025-04-30',
      law.penalty,
    )
    expect(sheet.lines.map((l) => [l.debt, l.toText, l.days, l.amount])).toEqual([
      [400_000, '01.04.2025', 20, 2_533],
      [600_000, '30.04.2025', 49, 9_310],
    ])
  })

  it('no line while within the grace days', () => {
    expect(buildPenaltySheet([debt('2026-03')], [], '2026-05-15', law.penalty).lines).toEqual([])
  })
})
