import { periodOf } from '../dates'
import { dayOfMonth, nextPeriodOf } from './calendar'

export interface ReadingPeriod {
  /** YYYY-MM the reading is billed in. */
  period: string
  /** Entered after the cutoff day: counts for the next period (tell the caller). */
  afterCutoff: boolean
  /** The period it would have counted for, already closed by billing: taken for the next one. */
  closedPeriod: string | null
}

/**
 * DOMAIN "Readings" 8: readings entered after the cutoff day count for the next period; and a
 * period billing has closed takes no more readings, they count for the next open one.
 */
export function readingPeriod(
  entryDate: string,
  cutoffDay: number,
  closedPeriods: readonly string[] = [],
): ReadingPeriod {
  const afterCutoff = dayOfMonth(entryDate) > cutoffDay
  let period = afterCutoff ? nextPeriodOf(entryDate) : periodOf(entryDate)
  const closedPeriod = closedPeriods.includes(period) ? period : null
  while (closedPeriods.includes(period)) period = nextPeriodOf(`${period}-01`)
  return { period, afterCutoff, closedPeriod }
}
