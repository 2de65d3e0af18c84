import { describe, expect, it } from 'vitest'
import {
  advanceLineIndex,
  allocateLines,
  allocateTotal,
  proposeLines,
  type Allocation,
  type OpenDebt,
} from '../../src-shared/payments/allocate'

// Electricity from us owes two periods, heating from another company three; hot water nothing.
const debts: OpenDebt[] = [
  {
    supplierId: 'energo',
    service: 'electricity',
    periods: [
      { period: '2026-08', amount: 50_000 },
      { period: '2026-09', amount: 60_000 },
    ],
  },
  {
    supplierId: 'teplo',
    service: 'heating',
    periods: [
      { period: '2026-07', amount: 30_000 },
      { period: '2026-08', amount: 40_000 },
      { period: '2026-09', amount: 45_000 },
    ],
  },
  { supplierId: 'teplo', service: 'hot_water', periods: [] },
]
const wholeDebt = 225_000

function ok(result: ReturnType<typeof allocateTotal>): Allocation {
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.allocation
}

/** Line amounts and advances, in line order, for compact tables. */
const amounts = (a: Allocation) => a.lines.map((l) => l.amount)
const advances = (a: Allocation) => a.lines.map((l) => l.advance)

describe('the payment screen proposes the debt of each line', () => {
  it('proposes every line its whole debt, and nothing on a line without debt', () => {
    const proposal = proposeLines(debts)
    expect(amounts(proposal)).toEqual([110_000, 115_000, 0])
    expect(proposal.lines.map((l) => l.debt)).toEqual([110_000, 115_000, 0])
    expect(proposal).toMatchObject({ total: wholeDebt, debt: wholeDebt, advance: 0 })
    expect(proposal.lines[1]?.settled).toEqual([
      { period: '2026-07', amount: 30_000 },
      { period: '2026-08', amount: 40_000 },
      { period: '2026-09', amount: 45_000 },
    ])
  })

  it('puts an advance on the first electricity line, else on the first line', () => {
    expect(advanceLineIndex(debts)).toBe(0)
    expect(advanceLineIndex([debts[1]!, debts[0]!])).toBe(1)
    expect(advanceLineIndex([debts[1]!, debts[2]!])).toBe(0)
  })
})

describe('a total handed over settles the oldest periods first, across lines', () => {
  it.each([
    // total, line amounts, line advances
    ['less than the oldest period', 10_000, [0, 10_000, 0], [0, 0, 0]],
    ['exactly the oldest period', 30_000, [0, 30_000, 0], [0, 0, 0]],
    // 2026-08 is owed on both lines: electricity (first line) is served first.
    ['into a period owed on two lines', 50_000, [20_000, 30_000, 0], [0, 0, 0]],
    ['two whole periods', 120_000, [50_000, 70_000, 0], [0, 0, 0]],
    ['into the newest period', 150_000, [80_000, 70_000, 0], [0, 0, 0]],
    ['exactly the whole debt', wholeDebt, [110_000, 115_000, 0], [0, 0, 0]],
    ['more than the debt: an advance', 300_000, [185_000, 115_000, 0], [75_000, 0, 0]],
  ])('%s (%i)', (_case, total, lineAmounts, lineAdvances) => {
    const a = ok(allocateTotal(debts, total))
    expect(amounts(a)).toEqual(lineAmounts)
    expect(advances(a)).toEqual(lineAdvances)
    expect(a.total).toBe(total)
    expect(a.advance).toBe(Math.max(0, total - wholeDebt))
  })

  it('says which periods a partial payment settles', () => {
    const a = ok(allocateTotal(debts, 120_000))
    expect(a.lines[0]?.settled).toEqual([{ period: '2026-08', amount: 50_000 }])
    expect(a.lines[1]?.settled).toEqual([
      { period: '2026-07', amount: 30_000 },
      { period: '2026-08', amount: 40_000 },
    ])
  })

  it('settles periods oldest first even when given out of order', () => {
    const shuffled: OpenDebt[] = [
      {
        supplierId: 'energo',
        service: 'electricity',
        periods: [
          { period: '2026-09', amount: 100 },
          { period: '2026-01', amount: 200 },
        ],
      },
    ]
    expect(ok(allocateTotal(shuffled, 250)).lines[0]?.settled).toEqual([
      { period: '2026-01', amount: 200 },
      { period: '2026-09', amount: 50 },
    ])
  })

  it('takes an advance on a line the caller chooses, even one without debt', () => {
    const a = ok(allocateTotal(debts, wholeDebt + 5_000, 2))
    expect(amounts(a)).toEqual([110_000, 115_000, 5_000])
    expect(advances(a)).toEqual([0, 0, 5_000])
  })

  it('takes a whole payment as an advance on an account that owes nothing', () => {
    const a = ok(allocateTotal([debts[2]!], 10_000))
    expect(a).toMatchObject({ total: 10_000, debt: 0, advance: 10_000 })
  })

  it.each([
    [0, 'not_positive', 'Сумма должна быть больше нуля'],
    [-100, 'not_positive', 'Сумма должна быть больше нуля'],
    [10.5, 'not_integer', 'Сумма указана неверно: не больше двух знаков после запятой'],
  ])('refuses a total of %d: %s', (total, code, message) => {
    expect(allocateTotal(debts, total)).toEqual({
      ok: false,
      errors: [{ line: null, code, message }],
    })
  })

  it('refuses a payment for an account with no lines at all', () => {
    const result = allocateTotal([], 100)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]?.code).toBe('no_lines')
  })
})

describe('amounts the cashier typed per line', () => {
  it.each([
    ['the proposal unchanged', [110_000, 115_000, 0], [0, 0, 0]],
    ['part of one line, nothing on another', [60_000, 0, 0], [0, 0, 0]],
    ['more than one line owes: that line takes the advance', [110_000, 120_000, 0], [0, 5_000, 0]],
    ['an advance on a line without debt', [0, 0, 7_000], [0, 0, 7_000]],
  ])('%s', (_case, typed, lineAdvances) => {
    const a = ok(allocateLines(debts, typed))
    expect(amounts(a)).toEqual(typed)
    expect(advances(a)).toEqual(lineAdvances)
    expect(a.total).toBe(typed.reduce((s, x) => s + x, 0))
  })

  it('settles the oldest periods of a partly paid line first', () => {
    const a = ok(allocateLines(debts, [0, 50_000, 0]))
    expect(a.lines[1]?.settled).toEqual([
      { period: '2026-07', amount: 30_000 },
      { period: '2026-08', amount: 20_000 },
    ])
  })

  it.each([
    [
      'a negative line',
      [-1, 100, 0],
      [{ line: 0, code: 'negative', message: 'Сумма по услуге не может быть отрицательной' }],
    ],
    [
      'a fraction of a kopeck',
      [100, 0.5, 0],
      [
        {
          line: 1,
          code: 'not_integer',
          message: 'Сумма указана неверно: не больше двух знаков после запятой',
        },
      ],
    ],
    [
      'two bad lines at once',
      [-5, Number.NaN, 0],
      [
        { line: 0, code: 'negative', message: 'Сумма по услуге не может быть отрицательной' },
        {
          line: 1,
          code: 'not_integer',
          message: 'Сумма указана неверно: не больше двух знаков после запятой',
        },
      ],
    ],
    [
      'nothing on any line',
      [0, 0, 0],
      [{ line: null, code: 'not_positive', message: 'Введите сумму хотя бы по одной услуге' }],
    ],
  ])('refuses %s', (_case, typed, errors) => {
    expect(allocateLines(debts, typed)).toEqual({ ok: false, errors })
  })

  it('treats amounts not matching the lines as a programming error', () => {
    expect(() => allocateLines(debts, [1, 2])).toThrow(/2 amounts for 3 lines/)
  })

  it('refuses broken debts from upstream instead of paying them', () => {
    const bad = (periods: OpenDebt['periods']): OpenDebt[] => [
      { supplierId: 'energo', service: 'electricity', periods },
    ]
    expect(() => proposeLines(bad([{ period: '2026-13', amount: 1 }]))).toThrow(/YYYY-MM/)
    expect(() => proposeLines(bad([{ period: '2026-01', amount: 0 }]))).toThrow(/positive/)
    expect(() => proposeLines(bad([{ period: '2026-01', amount: 1.5 }]))).toThrow(/kopecks/)
  })
})
