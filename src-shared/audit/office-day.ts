/** Minutes the zone is ahead of UTC at an instant ("GMT+03:00" -> 180). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '')
  if (!m) return 0
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
}

/** The ISO instant an office calendar day (YYYY-MM-DD) starts at. */
export function officeDayStart(date: string, timeZone: string): string {
  const utcMidnight = new Date(`${date}T00:00:00Z`)
  const start = utcMidnight.getTime() - offsetMinutes(utcMidnight, timeZone) * 60_000
  return new Date(start).toISOString()
}

/** The ISO instant the office day after `date` starts at: the open end of a date range. */
export function officeDayEnd(date: string, timeZone: string): string {
  const next = new Date(`${date}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return officeDayStart(next.toISOString().slice(0, 10), timeZone)
}
