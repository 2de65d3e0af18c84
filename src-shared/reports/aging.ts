/** Upper bounds (days overdue, inclusive) of the first two aging brackets; a dated setting. */
export interface AgingBrackets {
  first: number
  second: number
}

/** A period's debt still open, oldest-first allocation already applied. */
export interface OpenPeriod {
  /** YYYY-MM */
  period: string
  amount: number
}

export interface Aging {
  total: number
  /** Not yet due (the period's bill is not overdue). */
  current: number
  first: number
  second: number
  third: number
  /** Days the oldest still-open overdue period is late; 0 when nothing is overdue. */
  oldestDays: number
}

const dayMs = 86_400_000

/** Whole days from `due` to `asOf` (0 or less: not overdue). */
export function daysOverdue(due: string, asOf: string): number {
  return Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / dayMs)
}

/** Which bracket a debt `days` overdue falls into. */
export function bracketOf(
  days: number,
  b: AgingBrackets,
): keyof Omit<Aging, 'total' | 'oldestDays'> {
  if (days <= 0) return 'current'
  if (days <= b.first) return 'first'
  if (days <= b.second) return 'second'
  return 'third'
}

/**
 * An account's open debt spread over the aging brackets as of a date; `dueDate` is billing's
 * rule for a period's bill (src-shared/billing/penalties dueDateOf with the dated billDueDay).
 */
export function agingOf(
  open: readonly OpenPeriod[],
  asOf: string,
  dueDate: (period: string) => string,
  brackets: AgingBrackets,
): Aging {
  const aging: Aging = { total: 0, current: 0, first: 0, second: 0, third: 0, oldestDays: 0 }
  for (const p of open) {
    if (p.amount <= 0) continue
    const days = daysOverdue(dueDate(p.period), asOf)
    aging[bracketOf(days, brackets)] += p.amount
    aging.total += p.amount
    if (days > aging.oldestDays) aging.oldestDays = days
  }
  return aging
}
