/** Throws unless the value is a whole number of kopecks that a number holds exactly. */
export function assertKopecks(value: number, what = 'amount'): void {
  if (!Number.isSafeInteger(value)) throw new Error(`${what} is not integer kopecks: ${value}`)
}

/** Whole roubles and the kopeck remainder of a non-negative amount, by integer math. */
export function splitKopecks(kopecks: number): { roubles: number; kopecks: number } {
  assertKopecks(kopecks)
  if (kopecks < 0) throw new Error(`amount is negative: ${kopecks}`)
  const rest = kopecks % 100
  return { roubles: (kopecks - rest) / 100, kopecks: rest }
}
