const pad = (n: number) => String(n).padStart(2, '0')

/** For date pickers: a calendar day (local, as the picker shows it) after the office's today. */
export function afterToday(day: Date, today: string): boolean {
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}` > today
}
