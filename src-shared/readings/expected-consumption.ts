import { addMonths, daysBetween } from './calendar'
import { registerRange, rolloverDelta, type DatedValue } from './register'

export interface HistoryRules {
  /** The readings must span at least this many months... */
  minMonths: number
  /** ...within this many months before the reading date. */
  windowMonths: number
}

/**
 * Net register movement between two accepted readings. A drop of more than half the range was
 * a rollover; a smaller drop is a correction (a control reading below an over-reported one),
 * which takes back what was counted before.
 */
function step(from: number, to: number, intDigits: number): number {
  if (to >= from) return to - from
  return from - to > registerRange(intDigits) / 2 ? rolloverDelta(from, to, intDigits) : to - from
}

function byDate(history: readonly DatedValue[]): DatedValue[] {
  return [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/**
 * Expected register movement (before the transformation ratio) from `previousDate` to
 * `readingDate`: the average daily use over the window times the days since the last reading,
 * rounded half up. Null when the history spans less than the minimum (DOMAIN "Readings" 5).
 */
export function expectedDelta(
  history: readonly DatedValue[],
  previousDate: string,
  readingDate: string,
  intDigits: number,
  rules: HistoryRules,
): number | null {
  const days = daysBetween(previousDate, readingDate)
  if (days < 0) return null
  const windowStart = addMonths(readingDate, -rules.windowMonths)
  const points = byDate(history).filter((p) => p.date >= windowStart && p.date <= readingDate)
  const first = points[0]
  const last = points.at(-1)
  if (!first || !last || first.date > addMonths(last.date, -rules.minMonths)) return null

  let moved = 0
  for (let i = 1; i < points.length; i++) {
    moved += step((points[i - 1] as DatedValue).value, (points[i] as DatedValue).value, intDigits)
  }
  const span = daysBetween(first.date, last.date)
  // BigInt: six months of a large register times the days may pass 2^53.
  const scaled = 2n * BigInt(Math.max(moved, 0)) * BigInt(days) + BigInt(span)
  return Number(scaled / (2n * BigInt(span)))
}

/** Register movement of the previous period: between the last two accepted readings. */
export function previousPeriodDelta(
  history: readonly DatedValue[],
  intDigits: number,
): number | null {
  const sorted = byDate(history)
  const before = sorted.at(-2)
  const last = sorted.at(-1)
  if (!before || !last) return null
  return Math.max(step(before.value, last.value, intDigits), 0)
}
