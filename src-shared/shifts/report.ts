import { services, type Service } from '../accounts/domain'
import { assertKopecks } from '../money/kopecks'
import { paymentMethods, type PaymentMethod } from '../payments/domain'

export interface ShiftInfo {
  openedAt: string
  openingCash: number
  /** Null while the shift is open: the report is then an X report. */
  closedAt: string | null
  /** The cash the cashier counted at closing; null for an X report. */
  countedCash: number | null
}

export interface ShiftPaymentLine {
  service: Service
  amount: number
}

/** A payment the shift report has to account for. */
export interface ShiftPayment {
  method: PaymentMethod
  amount: number
  lines: readonly ShiftPaymentLine[]
  /** False for an earlier shift's payment, listed only because it was cancelled in this one. */
  takenInShift: boolean
  /** The payment's cancellation, if any, and whether it was made in this shift. */
  cancellation: { inShift: boolean } | null
}

export interface Totals {
  count: number
  total: number
}

export interface MethodTotals {
  method: PaymentMethod
  payments: Totals
  cancellations: Totals
  /** Payments minus cancellations. */
  net: number
}

export interface ServiceTotals {
  service: Service
  payments: Totals
  cancellations: Totals
  net: number
}

export interface ShiftReport {
  kind: 'x' | 'z'
  openedAt: string
  closedAt: string | null
  openingCash: number
  payments: Totals
  cancellations: Totals
  net: number
  byMethod: MethodTotals[]
  byService: ServiceTotals[]
  /** Opening cash + cash payments - cash cancellations (refunds leave the drawer). */
  expectedCash: number
  countedCash: number | null
  /** Counted - expected: positive is a surplus, negative a shortage; null for an X report. */
  difference: number | null
}

const none = (): Totals => ({ count: 0, total: 0 })

function add(t: Totals, amount: number): void {
  t.count += 1
  t.total += amount
}

function checked(p: ShiftPayment): void {
  assertKopecks(p.amount, 'payment')
  if (p.amount <= 0) throw new Error(`payment amount must be positive: ${p.amount}`)
  let sum = 0
  for (const line of p.lines) {
    assertKopecks(line.amount, 'line')
    sum += line.amount
  }
  if (sum !== p.amount) throw new Error(`lines add up to ${sum}, payment is ${p.amount}`)
  if (!p.takenInShift && !p.cancellation?.inShift)
    throw new Error('a payment neither taken nor cancelled in this shift')
}

/**
 * The X (shift open) or Z (closing) report: counts and totals by method and service,
 * cancellations made in this shift (whatever shift took the payment), expected and counted cash.
 */
export function buildShiftReport(shift: ShiftInfo, payments: readonly ShiftPayment[]): ShiftReport {
  assertKopecks(shift.openingCash, 'opening cash')
  const closing = shift.closedAt !== null
  if (closing && shift.countedCash === null) throw new Error('a closed shift needs counted cash')
  if (shift.countedCash !== null) assertKopecks(shift.countedCash, 'counted cash')

  const byMethod = new Map(
    paymentMethods.map((method) => [method, { payments: none(), cancellations: none() }]),
  )
  const byService = new Map(
    services.map((service) => [service, { payments: none(), cancellations: none() }]),
  )
  const paid = none()
  const cancelled = none()

  for (const p of payments) {
    checked(p)
    const sides: ('payments' | 'cancellations')[] = []
    if (p.takenInShift) sides.push('payments')
    if (p.cancellation?.inShift) sides.push('cancellations')
    for (const side of sides) {
      add(side === 'payments' ? paid : cancelled, p.amount)
      add(byMethod.get(p.method)![side], p.amount)
      // A payment counts once per service, however many lines (suppliers) it has there.
      const perService = new Map<Service, number>()
      for (const l of p.lines)
        perService.set(l.service, (perService.get(l.service) ?? 0) + l.amount)
      for (const [service, amount] of perService) add(byService.get(service)![side], amount)
    }
  }

  const cash = byMethod.get('cash')!
  const expectedCash = shift.openingCash + cash.payments.total - cash.cancellations.total
  const countedCash = closing ? shift.countedCash : null
  return {
    kind: closing ? 'z' : 'x',
    openedAt: shift.openedAt,
    closedAt: shift.closedAt,
    openingCash: shift.openingCash,
    payments: paid,
    cancellations: cancelled,
    net: paid.total - cancelled.total,
    // Cash and card always show (the desk's two methods); others only when they occur.
    byMethod: [...byMethod]
      .filter(([m, t]) => m === 'cash' || m === 'card' || used(t))
      .map(([method, t]) => ({ method, ...t, net: t.payments.total - t.cancellations.total })),
    byService: [...byService]
      .filter(([, t]) => used(t))
      .map(([service, t]) => ({ service, ...t, net: t.payments.total - t.cancellations.total })),
    expectedCash,
    countedCash,
    difference: countedCash === null ? null : countedCash - expectedCash,
  }
}

function used(t: { payments: Totals; cancellations: Totals }): boolean {
  return t.payments.count > 0 || t.cancellations.count > 0
}
