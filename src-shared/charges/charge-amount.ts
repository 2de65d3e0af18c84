/**
 * The charge for a volume at a rate, in kopecks: rounded once, half up, to the kopeck.
 *
 * Integer math only. The rate is in 1/1000 kopeck per unit (4.63000 rub/kWh = 463000) and the
 * volume is an integer number of units, or of 1/10^volumeDecimals units for volumes billed with
 * a fraction (heating in Gcal, a norm of 2.95 m3): 1.2345 Gcal is (12345, 4).
 * A negative volume (a recalculation) rounds symmetrically, so -x costs exactly minus x.
 */
export function chargeAmount(volume: number, rateMillikopecks: number, volumeDecimals = 0): number {
  if (!Number.isSafeInteger(volume)) throw new Error(`volume is not an integer: ${volume}`)
  if (!Number.isSafeInteger(rateMillikopecks) || rateMillikopecks < 0) {
    throw new Error(`rate is not a non-negative integer: ${rateMillikopecks}`)
  }
  if (!Number.isInteger(volumeDecimals) || volumeDecimals < 0 || volumeDecimals > 6) {
    throw new Error(`volumeDecimals out of range: ${volumeDecimals}`)
  }
  const divisor = 1000 * 10 ** volumeDecimals
  const magnitude = Math.abs(volume) * rateMillikopecks
  const half = magnitude + divisor / 2
  const kopecks = Number.isSafeInteger(half)
    ? // Remainder first, so the division is exact: no float rounding in the money path.
      (half - (half % divisor)) / divisor
    : // Past 2^53 the product is no longer exact as a number.
      Number(
        (BigInt(Math.abs(volume)) * BigInt(rateMillikopecks) + BigInt(divisor / 2)) /
          BigInt(divisor),
      )
  return volume < 0 ? -kopecks : kopecks
}
