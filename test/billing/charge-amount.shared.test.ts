import { describe, expect, it } from 'vitest'
import { chargeAmount } from '../../src-shared/charges/charge-amount'

describe('a charge is volume x rate, rounded once, half up, to the kopeck', () => {
  it.each([
    // volume, rate (1/1000 kopeck), decimals, kopecks
    [0, 463000, 0, 0],
    [1, 463000, 0, 463],
    [100, 463000, 0, 46300],
    [250, 543000, 0, 135750],
    // 4.63456 rub x 1 = 463.456 kopecks -> 463
    [1, 463456, 0, 463],
    // 463.5 kopecks -> 464 (half up)
    [1, 463500, 0, 464],
    [1, 463499, 0, 463],
    // 3 x 2.98333 = 8.94999 rub -> 895 kopecks
    [3, 298333, 0, 895],
    // 7 x 0.00050 rub = 0.35 kopecks -> 0; 9 x 0.00050 = 0.45 -> 0; 10 x = 0.5 -> 1
    [7, 50, 0, 0],
    [10, 50, 0, 1],
    // 1.1566 Gcal x 2 712.34000 rub = 3 137.094444 rub
    [11566, 271234000, 4, 313709],
    // 24.35 kWh of common needs x 5.43 = 132.2205 rub
    [2435, 543000, 2, 13222],
    // 0.005 m3 x 1.00000 rub = 0.5 kopecks -> 1
    [5, 100000, 3, 1],
    // a recalculation: minus what the same volume cost
    [-1, 463500, 0, -464],
    [-250, 543000, 0, -135750],
    // past 2^53 the product is computed exactly
    [9_000_000_000, 999_999_999, 0, 8_999_999_991_000_000],
  ])('%d units at %d -> %d kopecks', (volume, rate, decimals, expected) => {
    expect(chargeAmount(volume, rate, decimals)).toBe(expected)
  })

  it('refuses floats and negative rates instead of rounding them silently', () => {
    expect(() => chargeAmount(1.5, 463000)).toThrow(/volume/)
    expect(() => chargeAmount(1, 4.63)).toThrow(/rate/)
    expect(() => chargeAmount(1, -1)).toThrow(/rate/)
    expect(() => chargeAmount(1, 1, 7)).toThrow(/volumeDecimals/)
  })

  it('never drifts from the exact product over many values', () => {
    for (let volume = 0; volume < 2000; volume += 7) {
      for (const rate of [1, 499, 500, 501, 298333, 463500, 543000, 271234000]) {
        const exact = BigInt(volume) * BigInt(rate)
        const expected = Number((exact + 500n) / 1000n)
        expect(chargeAmount(volume, rate)).toBe(expected)
      }
    }
  })
})
