/** One accepted reading of one zone. */
export interface DatedValue {
  /** YYYY-MM-DD */
  date: string
  /** The billed integer part. */
  value: number
}

/** The register's range: it shows 0 .. 10^intDigits - 1 and then starts again from zero. */
export function registerRange(intDigits: number): number {
  return 10 ** intDigits
}

/** Movement from `from` to `to` if the register went past its top once (99 900 -> 00 105). */
export function rolloverDelta(from: number, to: number, intDigits: number): number {
  return registerRange(intDigits) - from + to
}
