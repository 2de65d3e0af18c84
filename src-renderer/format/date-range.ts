import { addMonths } from '../../src-shared/readings/calendar'

const pad = (n: number) => String(n).padStart(2, '0')

/** The previous 12 months up to today on this workstation's calendar: how the history opens. */
export function lastTwelveMonths(now: Date): [string, string] {
  const to = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  return [addMonths(to, -12), to]
}
