import { describe, expect, it } from 'vitest'
import { buildShiftReport, type ShiftInfo, type ShiftPayment } from '../../src-shared/shifts/report'

const opened: ShiftInfo = {
  openedAt: '2026-11-20T05:00:00.000Z',
  openingCash: 500_000,
  closedAt: null,
  countedCash: null,
}
const closed: ShiftInfo = {
  ...opened,
  closedAt: '2026-11-20T15:00:00.000Z',
  // 400 roubles short.
  countedCash: 1_110_000,
}

const taken = (p: Omit<ShiftPayment, 'takenInShift' | 'cancellation'>): ShiftPayment => ({
  ...p,
  takenInShift: true,
  cancellation: null,
})

const payments: ShiftPayment[] = [
  // Cash: electricity and heating of two suppliers on one payment.
  taken({
    method: 'cash',
    amount: 350_000,
    lines: [
      { service: 'electricity', amount: 200_000 },
      { service: 'heating', amount: 150_000 },
    ],
  }),
  taken({ method: 'cash', amount: 300_000, lines: [{ service: 'electricity', amount: 300_000 }] }),
  taken({ method: 'card', amount: 120_000, lines: [{ service: 'hot_water', amount: 120_000 }] }),
  // Taken and cancelled in this shift: the cash went back to the payer.
  {
    method: 'cash',
    amount: 30_000,
    lines: [{ service: 'electricity', amount: 30_000 }],
    takenInShift: true,
    cancellation: { inShift: true },
  },
  // Yesterday's card payment cancelled today: a refund in this shift, no cash involved.
  {
    method: 'card',
    amount: 50_000,
    lines: [{ service: 'heating', amount: 50_000 }],
    takenInShift: false,
    cancellation: { inShift: true },
  },
  // Taken today, cancelled in a later shift: today it is an ordinary payment.
  {
    method: 'card',
    amount: 10_000,
    lines: [{ service: 'electricity', amount: 10_000 }],
    takenInShift: true,
    cancellation: { inShift: false },
  },
]

describe('the shift report', () => {
  const report = buildShiftReport(closed, payments)

  it('is a closing (Z) report for a closed shift', () => {
    expect(report.kind).toBe('z')
    expect(report).toMatchObject({
      openedAt: closed.openedAt,
      closedAt: closed.closedAt,
      openingCash: 500_000,
    })
  })

  it('counts and totals the payments and the cancellations made in the shift', () => {
    expect(report.payments).toEqual({ count: 5, total: 810_000 })
    expect(report.cancellations).toEqual({ count: 2, total: 80_000 })
    expect(report.net).toBe(730_000)
  })

  it.each([
    [{ method: 'cash' }, { count: 3, total: 680_000 }, { count: 1, total: 30_000 }, 650_000],
    [{ method: 'card' }, { count: 2, total: 130_000 }, { count: 1, total: 50_000 }, 80_000],
    [
      { service: 'electricity' },
      { count: 4, total: 540_000 },
      { count: 1, total: 30_000 },
      510_000,
    ],
    [{ service: 'hot_water' }, { count: 1, total: 120_000 }, { count: 0, total: 0 }, 120_000],
    [{ service: 'heating' }, { count: 1, total: 150_000 }, { count: 1, total: 50_000 }, 100_000],
  ])('by %o', (key, paid, cancelled, net) => {
    const lines: object[] = 'method' in key ? report.byMethod : report.byService
    expect(lines).toContainEqual({ ...key, payments: paid, cancellations: cancelled, net })
  })

  it('lists cash and card always, and a method that did not occur not at all', () => {
    expect(report.byMethod.map((m) => m.method)).toEqual(['cash', 'card'])
    const empty = buildShiftReport(opened, [])
    expect(empty.byMethod.map((m) => m.method)).toEqual(['cash', 'card'])
    expect(empty.byService).toEqual([])
  })

  it('lists services in the usual order, only those that occurred', () => {
    expect(report.byService.map((s) => s.service)).toEqual(['electricity', 'hot_water', 'heating'])
  })

  it('expects the opening cash plus cash payments minus cash refunds, and shows the shortage', () => {
    // 5 000 + 3 500 + 3 000 + 300 - 300 = 11 500 roubles expected, 11 100 counted.
    expect(report.expectedCash).toBe(1_150_000)
    expect(report.countedCash).toBe(1_110_000)
    expect(report.difference).toBe(-40_000)
  })

  it('shows a surplus as a positive difference', () => {
    const surplus = buildShiftReport({ ...closed, countedCash: 1_150_100 }, payments)
    expect(surplus.difference).toBe(100)
  })

  it('is an X report while the shift is open: no counted cash, no difference', () => {
    const x = buildShiftReport(opened, payments)
    expect(x).toMatchObject({
      kind: 'x',
      closedAt: null,
      expectedCash: 1_150_000,
      countedCash: null,
      difference: null,
    })
    expect(x.payments).toEqual(report.payments)
  })

  it.each([
    [
      'lines not adding up to the payment',
      { ...payments[0]!, amount: 350_001 },
      /lines add up to 350000, payment is 350001/,
    ],
    ['a payment in kopeck fractions', { ...payments[1]!, amount: 0.5 }, /kopecks/],
    [
      'a payment that belongs to no side of this shift',
      { ...payments[4]!, cancellation: { inShift: false } },
      /neither taken nor cancelled/,
    ],
  ])('refuses %s', (_case, bad, error) => {
    expect(() => buildShiftReport(closed, [bad])).toThrow(error)
  })

  it('refuses to close a shift without counted cash', () => {
    expect(() => buildShiftReport({ ...closed, countedCash: null }, payments)).toThrow(/counted/)
  })
})
