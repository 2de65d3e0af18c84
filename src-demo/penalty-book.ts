import type { Service } from '../src-shared/accounts/domain'
import { required } from '../src-shared/billing/dated'
import { dayNumber } from '../src-shared/billing/days'
import {
  calcDateOf,
  dueDateOf,
  penaltyAccrued,
  type PenaltyPayment,
  type PeriodDebt,
} from '../src-shared/billing/penalties'
import { demoLaw } from './law'

/** Day number of a period's bill's due date, by billing's rule (the 10th, the 15th from March 2026). */
export function dueDayOf(period: string): number {
  return dayNumber(dueDateOf(period, demoLaw.dueDays))
}

interface ServiceBook {
  debts: PeriodDebt[]
  payments: PenaltyPayment[]
  charged: number
  /** Once a debt was found past its grace, the full rule runs every month. */
  late: boolean
}

/**
 * Whether any debt stayed unpaid past its grace by `calcDay` (oldest first, as billing settles):
 * when none did, billing's rule accrues nothing, and most demo customers pay on time. The debts
 * and payments arrive in date order; anything unusual (money back) goes to the full rule.
 */
function wentLate(b: ServiceBook, calcDay: number, graceDays: number): boolean {
  let p = 0
  let credit = 0
  for (const d of b.debts) {
    if (d.amount < 0) return true
    const graceEnd = dayNumber(d.dueDate) + graceDays
    let left = d.amount
    while (left > 0) {
      if (credit === 0) {
        const pay = b.payments[p]
        if (!pay || dayNumber(pay.date) > calcDay) return graceEnd < calcDay
        if (dayNumber(pay.date) > graceEnd) return true
        credit = pay.amount
        p++
      }
      const settled = Math.min(credit, left)
      left -= settled
      credit -= settled
    }
  }
  return false
}

/**
 * One account's penalties as the period close computes them (src-server/billing/run.ts): per
 * supplier's service, what billing's rule accrues through the period's last day on the whole
 * history of debts and payments (oldest debt settled first, the rate of the payment day), less
 * what earlier penalty lines charged. So the demo's «Пени» are what production would bill.
 */
export class PenaltyBook {
  private readonly books = new Map<Service, ServiceBook>()

  private book(service: Service): ServiceBook {
    let b = this.books.get(service)
    if (!b) this.books.set(service, (b = { debts: [], payments: [], charged: 0, late: false }))
    return b
  }

  /** An opening balance: due on its own date, as the period close reads it. */
  opening(service: Service, date: string, amount: number): void {
    this.book(service).debts.push({ period: date.slice(0, 7), dueDate: date, amount })
  }

  charge(service: Service, period: string, amount: number): void {
    this.book(service).debts.push({
      period,
      dueDate: dueDateOf(period, demoLaw.dueDays),
      amount,
    })
  }

  payment(service: Service, date: string, amount: number): void {
    this.book(service).payments.push({ date, amount })
  }

  /** The penalty line of `period` for the service (0: none); remembered as charged. */
  close(service: Service, period: string): number {
    const b = this.book(service)
    const calcDate = calcDateOf(period)
    const grace = required(demoLaw.penalty.schedule, calcDate, 'penaltySchedule').graceDays
    if (!b.late && !(b.late = wentLate(b, dayNumber(calcDate), grace))) return 0
    const amount = penaltyAccrued(b.debts, b.payments, calcDate, demoLaw.penalty) - b.charged
    b.charged += amount
    return amount
  }
}
