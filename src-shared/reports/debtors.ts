import { formatAddress, type Address } from '../accounts/domain'
import { agingOf, type AgingBrackets, type OpenPeriod } from './aging'
import type { CellValue } from './table'

/**
 * The debtors report's row as both its queries (the replica's SQLite one, the server's
 * PostgreSQL one) read it: the SQL differs by dialect only, the rules after it are these.
 */
export interface DebtorFacts extends Address {
  account: string
  holder: string
  phone: string | null
  balance: number
  /** Periods still open, oldest-first settling applied (newest positive periods). */
  open: OpenPeriod[]
  penalties: number
  /** The office day of the last payment not cancelled. */
  lastPaidOn: string | null
  lastAmount: number | null
}

export interface DebtorRules {
  asOf: string
  /** Billing's due date of a period's bill (the dated billDueDay: the 10th, the 15th from March 2026). */
  dueDate: (period: string) => string
  brackets: AgingBrackets
  /** Rows whose oldest debt is fewer days overdue are left out. */
  minDays: number
}

/** The report's cells of one debtor (reportColumns.debtors), or null when filtered out. */
export function debtorCells(r: DebtorFacts, rules: DebtorRules): CellValue[] | null {
  const aging = agingOf(r.open, rules.asOf, rules.dueDate, rules.brackets)
  if (aging.oldestDays < rules.minDays) return null
  return [
    r.account,
    r.holder,
    formatAddress(r),
    r.phone,
    r.balance,
    aging.current,
    aging.first,
    aging.second,
    aging.third,
    r.penalties,
    r.lastPaidOn,
    r.lastAmount,
    aging.oldestDays,
  ]
}

/** The bracket headers follow the dated brackets. */
export function bracketTitles(b: AgingBrackets): Record<'first' | 'second' | 'third', string> {
  return {
    first: `1–${b.first} дней`,
    second: `${b.first + 1}–${b.second} дней`,
    third: `${b.second + 1} дней и более`,
  }
}
