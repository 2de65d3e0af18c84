/**
 * Units a register advanced from `prev` to `next`: past its top once at most (a rollover: the
 * readings validator allowed no more), times the transformation ratio. Never negative.
 */
export function meterConsumption(
  prev: number,
  next: number,
  intDigits: number,
  ratio: number,
): number {
  const delta = next >= prev ? next - prev : 10 ** intDigits - prev + next
  return delta * ratio
}

/** Shares of a whole split evenly over `n` parts, the remainder spread so they sum exactly. */
export function evenShares(total: number, n: number): number[] {
  const out: number[] = []
  let before = 0
  for (let i = 1; i <= n; i++) {
    const upTo = Math.floor((total * i) / n)
    out.push(upTo - before)
    before = upTo
  }
  return out
}
