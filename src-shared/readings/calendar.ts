// Calendar arithmetic on office dates (YYYY-MM-DD), in UTC so no time zone shifts a day.

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

function parts(date: string): [number, number, number] {
  const match = isoDate.exec(date)
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

function utc(date: string): number {
  const [y, m, d] = parts(date)
  return Date.UTC(y, m - 1, d)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / 86_400_000)
}

/** The same day `months` later (or earlier), clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0))
  first.setUTCDate(Math.min(d, lastDay.getUTCDate()))
  return first.toISOString().slice(0, 10)
}

/** Day of the month of a YYYY-MM-DD date. */
export function dayOfMonth(date: string): number {
  return parts(date)[2]
}

/** The period (YYYY-MM) after a YYYY-MM-DD date's month. */
export function nextPeriodOf(date: string): string {
  const [y, m] = parts(date)
  return addMonths(`${y}-${String(m).padStart(2, '0')}-01`, 1).slice(0, 7)
}

/** 12.03.2026: how a date reads in a Russian message. */
export function formatDateRu(date: string): string {
  const [y, m, d] = parts(date)
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`
}
