const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/
const period = /^(\d{4})-(\d{2})$/

// Calendar dates are formatted in UTC so the day never shifts with the machine's time zone.
const dateFormat = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'short' })
const periodFormat = new Intl.DateTimeFormat('ru-RU', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "2024-03-05" → "05.03.2024"; a full timestamp also shows the time. Unparseable → as is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = dateOnly.exec(iso)
  if (m) return dateFormat.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  const instant = new Date(iso)
  return Number.isNaN(instant.getTime()) ? iso : dateTimeFormat.format(instant)
}

/** An instant as local date and time: "05.03.2024, 14:07". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const instant = new Date(iso)
  return Number.isNaN(instant.getTime()) ? iso : dateTimeFormat.format(instant)
}

/** "2024-03" → "март 2024 г." */
export function formatPeriod(value: string): string {
  const m = period.exec(value)
  if (!m) return value
  return periodFormat.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))
}

const monthFormat = new Intl.DateTimeFormat('ru-RU', { month: 'short', timeZone: 'UTC' })

/** "2024-03" → "мар." (chart axes) */
export function formatMonth(value: string): string {
  const m = period.exec(value)
  return m ? monthFormat.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : value
}
