/** An instant ready to print: ISO for machines, ru-RU date and time in the office's zone. */
export interface OfficeDateTime {
  /** UTC ISO instant, e.g. "2026-11-20T11:05:00.000Z". */
  iso: string
  timeZone: string
  /** "20.11.2026" */
  date: string
  /** "14:05" */
  time: string
  /** "20.11.2026 14:05" */
  dateTime: string
}

/** Formats an instant in the office time zone (explicit: the printing machine's zone may differ). */
export function officeDateTime(instant: string, timeZone: string): OfficeDateTime {
  const at = new Date(instant)
  if (Number.isNaN(at.getTime())) throw new Error(`not a date: ${instant}`)
  const parts = new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    // h23: midnight is 00:xx, never 24:xx.
    hourCycle: 'h23',
  }).formatToParts(at)
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? ''
  const date = `${part('day')}.${part('month')}.${part('year')}`
  const time = `${part('hour')}:${part('minute')}`
  return { iso: at.toISOString(), timeZone, date, time, dateTime: `${date} ${time}` }
}
