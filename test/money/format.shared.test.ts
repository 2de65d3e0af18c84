import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatKopecks, formatRub } from '../../src-shared/money/format'
import { parseAmount } from '../../src-shared/money/parse-amount'
import { pluralRu } from '../../src-shared/money/plural'

describe('kopecks formatted as ru-RU roubles', () => {
  it.each([
    [0, '0,00'],
    [1, '0,01'],
    [50, '0,50'],
    [100, '1,00'],
    [123_456, '1\u00a0234,56'],
    [123_456_789, '1\u00a0234\u00a0567,89'],
    [-123_456, '-1\u00a0234,56'],
  ])('%i -> %j', (kopecks, text) => {
    expect(formatKopecks(kopecks)).toBe(text)
  })

  it('reads back as the same kopecks (an edit field shows an amount this way)', () => {
    // Up to 10^13 roubles, the most parseAmount takes, with no float on the way.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 15 - 1 }), (kopecks) => {
        expect(parseAmount(formatKopecks(kopecks), { allowZero: true })).toEqual({
          ok: true,
          kopecks,
        })
      }),
    )
    expect(formatKopecks(1_000_000_07)).toBe('1\u00a0000\u00a0000,07')
  })

  it('adds the rouble sign after a no-break space', () => {
    expect(formatRub(123_456)).toBe('1\u00a0234,56\u00a0₽')
  })

  it('refuses fractions of a kopeck', () => {
    expect(() => formatKopecks(1.5)).toThrow(/integer kopecks/)
  })
})

describe('Russian plural forms', () => {
  const forms = ['рубль', 'рубля', 'рублей'] as const
  it.each([
    [0, 'рублей'],
    [1, 'рубль'],
    [2, 'рубля'],
    [4, 'рубля'],
    [5, 'рублей'],
    [11, 'рублей'],
    [12, 'рублей'],
    [14, 'рублей'],
    [21, 'рубль'],
    [22, 'рубля'],
    [111, 'рублей'],
    [101, 'рубль'],
    [1_000_001, 'рубль'],
  ])('%i %s', (n, form) => {
    expect(pluralRu(n, forms)).toBe(form)
  })
})
