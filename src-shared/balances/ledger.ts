import type { Service } from '../accounts/domain'

export type LedgerKind =
  'opening' | 'charge' | 'recalculation' | 'penalty' | 'payment' | 'cancellation'

/** One ledger movement; amounts are positive kopecks, the kind gives the sign. */
export interface LedgerEntry {
  kind: LedgerKind
  supplierId: string
  service: Service
  amount: number
}

const sign: Record<LedgerKind, 1 | -1> = {
  opening: 1,
  charge: 1,
  recalculation: 1,
  penalty: 1,
  payment: -1,
  // A cancellation undoes a payment: the debt comes back.
  cancellation: 1,
}

/** Balance in kopecks, positive = the customer owes. Opening balances and recalculations may be negative. */
export function balanceOf(entries: Iterable<Pick<LedgerEntry, 'kind' | 'amount'>>): number {
  let total = 0
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amount))
      throw new Error(`amount is not integer kopecks: ${e.amount}`)
    total += sign[e.kind] * e.amount
  }
  return total
}

export interface ServiceBalance {
  supplierId: string
  service: Service
  balance: number
}

/** Balance per supplier and service, in first-seen order. */
export function balancesBySupplierService(entries: Iterable<LedgerEntry>): ServiceBalance[] {
  const byKey = new Map<string, ServiceBalance>()
  for (const e of entries) {
    const key = `${e.supplierId}\u0000${e.service}`
    let row = byKey.get(key)
    if (!row) {
      row = { supplierId: e.supplierId, service: e.service, balance: 0 }
      byKey.set(key, row)
    }
    row.balance += balanceOf([e])
  }
  return [...byKey.values()]
}
