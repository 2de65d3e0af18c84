/**
 * Whole-day calendar arithmetic (UTC day numbers: no clock or time zone leaks in), for billing and
 * the demo generator.
 */

const msPerDay = 86_400_000

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
// A period close asks for the same few hundred days millions of times: answers are kept.
const dayNumbers = new Map<string, number>()
const isoDates = new Map<number, string>()

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

const periodSteps = new Map<string, string>()

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

export function periodFirstDay(period: string): string {
  return `${period}-01`
}

export function periodLastDay(period: string): string {
  return isoDate(dayNumber(`${addPeriods(period, 1)}-01`) - 1)
}

export function daysInPeriod(period: string): number {
  return dayNumber(`${addPeriods(period, 1)}-01`) - dayNumber(`${period}-01`)
}

/** Calendar month 1..12 of a YYYY-MM period. */
export function monthOf(period: string): number {
  return (period.charCodeAt(5) - 48) * 10 + (period.charCodeAt(6) - 48)
}

/** Whole periods from `from` to `to` (to - from, in months). */
export function periodsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  return (ty - fy) * 12 + (tm - fm)
}
