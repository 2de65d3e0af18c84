import { describe, expect, it } from 'vitest'
import { parseAmount } from '../../src-shared/money/parse-amount'

describe('a cashier-typed amount in roubles becomes kopecks', () => {
  it.each([
    ['100', 10_000],
    ['1234.5', 123_450],
    ['1234,5', 123_450],
    ['1 234,56', 123_456],
    ['1\u00a0234,56', 123_456],
    ['1\u202f234\u202f567,89', 123_456_789],
    ['  42,00  ', 4_200],
    ['0,01', 1],
    [',5', 50],
    ['5,', 500],
    ['007', 700],
    ['+15', 1_500],
    ['0.10', 10],
    ['999999,99', 99_999_999],
    // 2^53 is far: 13 digits of roubles still make exact kopecks.
    ['9999999999999,99', 999_999_999_999_999],
  ])('%j -> %i kopecks', (text, kopecks) => {
    expect(parseAmount(text)).toEqual({ ok: true, kopecks })
  })

  describe.each([
    ['empty', 'Введите сумму', ['', '   ']],
    [
      'not_a_number',
      'Сумма должна быть числом, например 1 234,56',
      // A space anywhere but between thousands is a typo, not a separator: 1234 56 is not 123456.
      ['abc', '12a', '1e3', ',', '-', '1.234,56', '1,2,3', '1234 56', '12 34'],
    ],
    ['not_positive', 'Сумма должна быть больше нуля', ['0', '0,00', '-5', '\u22125,50']],
    ['too_many_decimals', 'Не больше двух знаков после запятой (копейки)', ['1,234', '10.005']],
    ['above_limit', 'Слишком большая сумма', ['99999999999999']],
  ])('refused as %s: %s', (code, message, texts) => {
    it.each(texts)('%j', (text) => {
      expect(parseAmount(text)).toEqual({ ok: false, code, message })
    })
  })

  it.each([
    ['500 000', 50_000_000, true],
    ['500 000,01', 50_000_000, false],
    ['1 000 000', 50_000_000, false],
  ])('%j against a limit of %i kopecks: accepted %s', (text, maxKopecks, accepted) => {
    const result = parseAmount(text, { maxKopecks })
    expect(result.ok).toBe(accepted)
    if (!result.ok) {
      expect(result.code).toBe('above_limit')
      expect(result.message).toBe('Сумма больше допустимой: не более 500\u00a0000,00\u00a0₽')
    }
  })

  it.each([
    ['0', { ok: true, kopecks: 0 }],
    ['0,00', { ok: true, kopecks: 0 }],
    ['-1', { ok: false, code: 'not_positive', message: 'Сумма не может быть отрицательной' }],
  ])('an opening float or counted cash may be zero: %j', (text, expected) => {
    expect(parseAmount(text, { allowZero: true })).toEqual(expected)
  })

  it('never goes through a float: 0.29 and 1.15 are exact', () => {
    // 0.29 * 100 = 28.999999999999996 and 1.15 * 100 = 114.99999999999999 in floating point.
    expect(parseAmount('0,29')).toEqual({ ok: true, kopecks: 29 })
    expect(parseAmount('1,15')).toEqual({ ok: true, kopecks: 115 })
    expect(parseAmount('4,35')).toEqual({ ok: true, kopecks: 435 })
  })
})
