import { formatKopecks } from '../money/format'
import { parseAmount, type ParsedAmount } from '../money/parse-amount'
import { cashChange } from './change'

/**
 * The amounts typed per line of the payment screen, as text. The counter's keys work on them:
 * a line's debt taken by Enter, one line kept and the others cleared by one key, the exact
 * cash filled by another.
 */

/** An empty line pays nothing; anything else is an amount (zero allowed: a line left out). */
export function parseLineText(text: string): ParsedAmount {
  return text.trim() === '' ? { ok: true, kopecks: 0 } : parseAmount(text, { allowZero: true })
}

/** The sum of the lines that parse; a line that does not is refused at recording. */
export function linesTotal(texts: readonly string[]): number {
  return texts.reduce((sum, text) => {
    const parsed = parseLineText(text)
    return sum + (parsed.ok ? parsed.kopecks : 0)
  }, 0)
}

/** Keeps line `index` and clears every other line. */
export function keepOnlyLine(texts: readonly string[], index: number): string[] {
  if (!Number.isInteger(index) || index < 0 || index >= texts.length)
    throw new Error(`line out of range: ${index} of ${texts.length}`)
  return texts.map((text, i) => (i === index ? text : ''))
}

/** Enter on an empty line takes its whole debt; a typed amount stays as typed. */
export function takeDebtIfEmpty(text: string, debt: number): string {
  return text.trim() === '' && debt > 0 ? formatKopecks(debt) : text
}

/** The cash field's text for exactly the total: no change to hand back. */
export function exactCashText(total: number): string {
  return formatKopecks(total)
}

/** The change for the cash typed, or null while it is not a valid amount or is short. */
export function changeFor(total: number, cashText: string): number | null {
  const cash = parseAmount(cashText, { allowZero: true })
  if (!cash.ok || total < 0) return null
  const result = cashChange(total, cash.kopecks)
  return result.ok ? result.change : null
}
