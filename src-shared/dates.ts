// Building a formatter costs far more than formatting (about half a millisecond per save).
const formatters = new Map<string, Intl.DateTimeFormat>()

/** The office's calendar date (YYYY-MM-DD) for an instant; the office time zone is a setting. */
export function officeDate(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    formatters.set(timeZone, format)
  }
  return format.format(instant)
}

/** The day before a YYYY-MM-DD date (a dated row ends the day before the next one starts). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

/** YYYY-MM of a YYYY-MM-DD date. */
export function periodOf(date: string): string {
  return date.slice(0, 7)
}
