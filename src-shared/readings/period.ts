import { periodOf } from '../dates'
import { dayOfMonth, nextPeriodOf } from './calendar'

export interface ReadingPeriod {
  /** YYYY-MM the reading is billed in. */
  period: string
  /** Entered after the cutoff day: counts for the next period (tell the caller). */
  afterCutoff: boolean
}

/** DOMAIN "Readings" 8: readings entered after the cutoff day count for the next period. */
export function readingPeriod(entryDate: string, cutoffDay: number): ReadingPeriod {
  const afterCutoff = dayOfMonth(entryDate) > cutoffDay
  return { period: afterCutoff ? nextPeriodOf(entryDate) : periodOf(entryDate), afterCutoff }
}
