import type { Service } from '../accounts/domain'

/**
 * One fact of an account's ledger as the documents read it. `amount` in kopecks is what the fact
 * does to the debt: charges, recalculations, penalties and opening debts add (a negative
 * recalculation or opening overpayment subtracts), payments subtract (their amount is positive
 * and counted as a credit), a cancellation puts the payment's amount back.
 */
export interface LedgerEntry {
  /** YYYY-MM-DD, in the office's time zone for payments. */
  date: string
  kind: 'opening' | 'charge' | 'recalculation' | 'penalty' | 'payment' | 'cancellation'
  supplierId: string
  supplierName: string
  service: Service
  amount: number
  /** Charges: the billed period YYYY-MM. */
  period?: string | null
  /** Charges: the volume and its unit, the rate as printed (e.g. "5,43 ₽/кВт·ч"). */
  volume?: string | null
  unit?: string | null
  rateText?: string | null
  /** Payments and cancellations. */
  channel?: string | null
  receiptNumber?: string | null
}

/** Debit (+) or credit (-) of an entry on the debt. */
export function debtEffect(e: LedgerEntry): number {
  return e.kind === 'payment' ? -e.amount : e.kind === 'cancellation' ? e.amount : e.amount
}

export function isPenalty(e: LedgerEntry): boolean {
  return e.kind === 'penalty'
}

/** Principal and penalties owed after the entries (positive: the customer owes). */
export interface Balance {
  principal: number
  penalties: number
  total: number
}

/**
 * The balance the entries leave. Payments settle penalties last (the principal first, as the
 * penalty rules settle the oldest debt first), so a payment lowers the principal until it is
 * gone, then the penalties; an overpayment stays on the principal as a negative figure.
 */
export function balanceOf(entries: readonly LedgerEntry[]): Balance {
  let charged = 0
  let penalties = 0
  let credit = 0
  for (const e of entries) {
    const effect = debtEffect(e)
    if (isPenalty(e)) penalties += effect
    else if (e.kind === 'payment' || e.kind === 'cancellation') credit -= effect
    else charged += effect
  }
  const toPrincipal = Math.min(credit, Math.max(charged, 0))
  const toPenalties = Math.min(credit - toPrincipal, Math.max(penalties, 0))
  const principal = charged - toPrincipal - (credit - toPrincipal - toPenalties)
  const penaltiesLeft = penalties - toPenalties
  return { principal, penalties: penaltiesLeft, total: principal + penaltiesLeft }
}

/** Entries in date order; on one day the debts come before the money that pays them. */
export function inDateOrder(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const rank: Record<LedgerEntry['kind'], number> = {
    opening: 0,
    charge: 1,
    recalculation: 2,
    penalty: 3,
    payment: 4,
    cancellation: 5,
  }
  return entries
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : 0) ||
        rank[a.e.kind] - rank[b.e.kind] ||
        a.i - b.i,
    )
    .map(({ e }) => e)
}
