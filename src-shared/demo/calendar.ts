/**
 * Calendar arithmetic on whole days (UTC day numbers), so no time zone or clock leaks in.
 * The generator asks for the same few thousand days millions of times: answers are cached.
 */

const msPerDay = 86_400_000

const dayNumbers = new Map<string, number>()
const isoDates = new Map<number, string>()
const periodSteps = new Map<string, string>()

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  let day = dayNumbers.get(date)
  if (day === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number]
    day = Date.UTC(y, m - 1, d) / msPerDay
    dayNumbers.set(date, day)
  }
  return day
}

export function isoDate(day: number): string {
  let date = isoDates.get(day)
  if (date === undefined) {
    date = new Date(day * msPerDay).toISOString().slice(0, 10)
    isoDates.set(day, date)
  }
  return date
}

/** YYYY-MM plus n months. */
export function addPeriods(period: string, n: number): string {
  const key = `${period}${n}`
  let out = periodSteps.get(key)
  if (out === undefined) {
    const [y, m] = period.split('-').map(Number) as [number, number]
    const total = y * 12 + (m - 1) + n
    out = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
    periodSteps.set(key, out)
  }
  return out
}

/** Day number of the first day of a YYYY-MM period. */
export function periodStart(period: string): number {
  return dayNumber(`${period}-01`)
}

/** Calendar month 1..12 of a period. */
export function monthOf(period: string): number {
  return (period.charCodeAt(5) - 48) * 10 + (period.charCodeAt(6) - 48)
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
