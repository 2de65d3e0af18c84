/** The demo generator's calendar: billing's day arithmetic plus office times. */
import { dayNumber, isoDate } from '../src-shared/billing/days'

export { addPeriods, dayNumber, isoDate, monthOf } from '../src-shared/billing/days'

const msPerDay = 86_400_000

/** Day number of the first day of a YYYY-MM period. */
export function periodStart(period: string): number {
  return dayNumber(`${period}-01`)
}

// Moscow time has had no daylight saving since 2014: a fixed UTC+3 is exact for the demo years.
const officeOffsetMinutes = 3 * 60

const twoDigits = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'))

/** The ISO instant of a local office time (minutes after midnight) on a day. */
export function officeInstant(day: number, localMinutes: number): string {
  let utc = localMinutes - officeOffsetMinutes
  let d = day
  while (utc < 0) {
    utc += 1440
    d -= 1
  }
  while (utc >= 1440) {
    utc -= 1440
    d += 1
  }
  return `${isoDate(d)}T${twoDigits[Math.floor(utc / 60)]}:${twoDigits[utc % 60]}:00.000Z`
}

/** Milliseconds since the epoch of the start of a day (for id timestamps). */
export function dayMillis(day: number): number {
  return day * msPerDay
}
