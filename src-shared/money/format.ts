import { splitKopecks } from './kopecks'

// Grouping as the UI shows it (ru-RU puts a no-break space between thousands).
const roublesFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 })

/** Kopecks as roubles with two decimals, ru-RU: 123456 -> "1 234,56" (no-break spaces). */
export function formatKopecks(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : ''
  // The integer parts are formatted separately: no division into a float.
  const parts = splitKopecks(Math.abs(kopecks))
  return `${sign}${roublesFormat.format(parts.roubles)},${String(parts.kopecks).padStart(2, '0')}`
}

/** "1 234,56 ₽", with a no-break space before the sign so it never wraps alone. */
export function formatRub(kopecks: number): string {
  return `${formatKopecks(kopecks)}\u00a0₽`
}
