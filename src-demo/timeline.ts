import { addPeriods, dayNumber, isoDate, periodStart } from './calendar'
import type { DemoOptions } from './types'

/** The months the demo covers, from the options. */
export interface Timeline {
  today: string
  todayDay: number
  /** The month of today: readings may come in, nothing is billed yet. */
  currentPeriod: string
  /** Billed months, oldest first. */
  periods: string[]
  firstPeriod: string
  /** First day of the first billed month: where each account's ledger opens. */
  startDay: number
}

export function timelineOf(options: DemoOptions): Timeline {
  const { today } = options
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || isoDate(dayNumber(today)) !== today) {
    throw new Error(`today is not a YYYY-MM-DD date: ${today}`)
  }
  if (!Number.isInteger(options.months) || options.months < 1 || options.months > 240) {
    throw new Error('months must be an integer from 1 to 240')
  }
  const currentPeriod = options.today.slice(0, 7)
  const firstPeriod = addPeriods(currentPeriod, -options.months)
  const periods = Array.from({ length: options.months }, (_, i) => addPeriods(firstPeriod, i))
  return {
    today: options.today,
    todayDay: dayNumber(options.today),
    currentPeriod,
    periods,
    firstPeriod,
    startDay: periodStart(firstPeriod),
  }
}
