import type { Service } from '../src-shared/accounts/domain'

/** A debt still unpaid and the day number it was due. */
interface OverdueDebt {
  /** Kopecks still unpaid. */
  amount: number
  dueDay: number
}

interface ServiceState {
  service: Service
  supplierId: string
  /** Unpaid charges, oldest first. */
  debts: OverdueDebt[]
  penalty: number
  /** Paid in advance. */
  credit: number
}

export interface Allocation {
  service: Service
  supplierId: string
  amount: number
}

/**
 * One account's money per supplier and service while the history is simulated: which charges are
 * still unpaid and since when (for penalties), and how a payment is split. Integer kopecks.
 */
export class AccountLedger {
  private readonly states: ServiceState[]

  constructor(services: readonly { service: Service; supplierId: string }[]) {
    this.states = services.map((s) => ({ ...s, debts: [], penalty: 0, credit: 0 }))
  }

  private state(service: Service): ServiceState {
    const s = this.states.find((x) => x.service === service)
    if (!s) throw new Error(`service ${service} is not on the account`)
    return s
  }

  /** A new debt due on `dueDay`; an advance pays it first. Negative amounts become an advance. */
  charge(service: Service, amount: number, dueDay: number): void {
    const s = this.state(service)
    if (amount < 0) {
      s.credit -= amount
      this.settle(s)
      return
    }
    const covered = Math.min(s.credit, amount)
    s.credit -= covered
    if (amount > covered) s.debts.push({ amount: amount - covered, dueDay })
  }

  addPenalty(service: Service, amount: number): void {
    const s = this.state(service)
    const covered = Math.min(s.credit, amount)
    s.credit -= covered
    s.penalty += amount - covered
  }

  due(service: Service): number {
    const s = this.state(service)
    let total = s.penalty - s.credit
    for (const d of s.debts) total += d.amount
    return total
  }

  totalDue(): number {
    return this.states.reduce((sum, s) => sum + this.due(s.service), 0)
  }

  /** Splits a payment: each service's debt (oldest first, then penalty), the rest as an advance on the first. */
  pay(amount: number): Allocation[] {
    let left = amount
    const lines: Allocation[] = []
    for (const s of this.states) {
      const part = Math.min(left, Math.max(0, this.due(s.service)))
      if (part <= 0) continue
      left -= part
      s.credit += part
      this.settle(s)
      lines.push({ service: s.service, supplierId: s.supplierId, amount: part })
    }
    if (left > 0) {
      const first = this.states[0] as ServiceState
      first.credit += left
      this.settle(first)
      const line = lines.find((l) => l.service === first.service)
      if (line) line.amount += left
      else lines.unshift({ service: first.service, supplierId: first.supplierId, amount: left })
    }
    return lines
  }

  /** Uses the advance on the oldest debts, then on the penalty. */
  private settle(s: ServiceState): void {
    while (s.credit > 0 && s.debts.length > 0) {
      const d = s.debts[0] as OverdueDebt
      const part = Math.min(d.amount, s.credit)
      d.amount -= part
      s.credit -= part
      if (d.amount === 0) s.debts.shift()
    }
    const part = Math.min(s.penalty, s.credit)
    s.penalty -= part
    s.credit -= part
  }
}
