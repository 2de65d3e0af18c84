/** A value in force from a date (YYYY-MM-DD) until the next row's date: a settings row. */
export interface Dated<T> {
  from: string
  value: T
}

/** The value in force on `date`: the row with the latest `from` on or before it. */
export function inForce<T>(rows: readonly Dated<T>[], date: string): T | undefined {
  let best: Dated<T> | undefined
  for (const row of rows) if (row.from <= date && (!best || row.from > best.from)) best = row
  return best?.value
}

/**
 * The value in force on `date`, or an error naming the setting (its key, as the settings screen
 * and the settings rows spell it): billing never guesses law.
 */
export function required<T>(rows: readonly Dated<T | null>[], date: string, key: string): T {
  const value = inForce(rows, date)
  if (value === undefined || value === null) {
    throw new Error(`нет значения настройки ${key} на ${date}`)
  }
  return value
}
