import { describe, expect, it } from 'vitest'
import {
  fractionTypedAsInteger,
  parseReading,
  type ParsedReading,
  type ReadingCapacity,
} from '../../src-shared/readings/parse-reading'

const meter51: ReadingCapacity = { intDigits: 5, fracDigits: 1 }

describe('parsing what the clerk typed for one zone', () => {
  it.each([
    // name, typed, capacity, value, fraction
    ['a plain reading', '4780', meter51, 4780, ''],
    ['a comma: the fraction is dropped', '4780,7', meter51, 4780, '7'],
    ['a point: dropped, not rounded up', '4780.9', meter51, 4780, '9'],
    ['leading zeros as on the drum', '02835', meter51, 2835, ''],
    ['all zeros on a new meter', '00000', meter51, 0, ''],
    ['spaces between the digits and around', ' 4 780,5 ', meter51, 4780, '5'],
    ['a no-break space from a paste', '4\u00a0780', meter51, 4780, ''],
    ['a trailing comma with nothing after it', '4780,', meter51, 4780, ''],
    ['the largest the register shows', '99999,9', meter51, 99999, '9'],
    ['an 8+2 meter', '12345678,99', { intDigits: 8, fracDigits: 2 }, 12345678, '99'],
    [
      'a 15-digit register stays an exact integer',
      '999999999999999',
      { intDigits: 15, fracDigits: 0 },
      999_999_999_999_999,
      '',
    ],
  ] as const)('%s: "%s"', (_name, typed, capacity, value, fraction) => {
    const parsed = parseReading(typed, capacity)
    expect(parsed).toEqual({
      ok: true,
      raw: typed,
      value,
      fraction,
      hasSeparator: /[.,]/.test(typed),
    })
  })

  it.each([
    // name, typed, capacity, code, message
    ['nothing typed', '', meter51, 'missing', /^Введите показание$/],
    ['only spaces', '   ', meter51, 'missing', /Введите/],
    [
      'the fraction typed as integers (12345,6 as 123456)',
      '123456',
      meter51,
      'too_many_int_digits',
      /^6 цифр до запятой, а у счетчика 5\. Проверьте: возможно, цифры после запятой введены как целые \(12345,6\)$/,
    ],
    [
      'all six drum digits with the leading zeros (00123,4)',
      '001234',
      meter51,
      'too_many_int_digits',
      /\(00123,4\)/,
    ],
    [
      'two digits too many: not the comma mistake',
      '1234567',
      meter51,
      'too_many_int_digits',
      /^7 цифр до запятой, а у счетчика 5\. Проверьте показание$/,
    ],
    [
      'too many digits although a comma was typed',
      '123456,7',
      meter51,
      'too_many_int_digits',
      /Проверьте показание$/,
    ],
    [
      'a 4-digit meter, 5 digits',
      '12345',
      { intDigits: 4, fracDigits: 0 },
      'too_many_int_digits',
      /^5 цифр до запятой, а у счетчика 4/,
    ],
    [
      'two digits after the comma on a 1-digit fraction',
      '4780,55',
      meter51,
      'too_many_frac_digits',
      /^2 знака после запятой, а у счетчика 1/,
    ],
    [
      'a fraction on a meter without one',
      '4780,5',
      { intDigits: 5, fracDigits: 0 },
      'too_many_frac_digits',
      /нет знаков после запятой/,
    ],
    ['a letter O for a zero', '47O0', meter51, 'not_a_number', /Только цифры и запятая/],
    ['a minus sign', '-5', meter51, 'not_a_number', /отрицательным/],
    ['two separators', '4.780,5', meter51, 'not_a_number', /Только цифры/],
    ['only the fraction', ',5', meter51, 'not_a_number', /Только цифры/],
    ['an exponent', '1e3', meter51, 'not_a_number', /Только цифры/],
  ] as const)('%s: "%s" -> %s', (_name, typed, capacity, code, message) => {
    const parsed = parseReading(typed, capacity) as Extract<ParsedReading, { ok: false }>
    expect(parsed.ok).toBe(false)
    expect(parsed.code).toBe(code)
    expect(parsed.raw).toBe(typed)
    expect(parsed.message).toMatch(message)
  })

  it('refuses a meter record no reading fits', () => {
    expect(() => parseReading('1', { intDigits: 0, fracDigits: 0 })).toThrow(/intDigits/)
    expect(() => parseReading('1', { intDigits: 16, fracDigits: 0 })).toThrow(/intDigits/)
    expect(() => parseReading('1', { intDigits: 5, fracDigits: -1 })).toThrow(/fracDigits/)
  })
})

describe('the reading meant when the fraction was typed as integers', () => {
  it.each([
    ['46801', 1, { value: 4680, text: '4680,1' }],
    ['28356', 1, { value: 2835, text: '2835,6' }],
    ['0283567', 2, { value: 2835, text: '02835,67' }],
    ['4680,1', 1, null],
    ['46801', 0, null],
    ['7', 1, null],
  ] as const)('"%s" with %d fraction digits -> %j', (typed, fracDigits, meant) => {
    const parsed = parseReading(typed, { intDigits: 8, fracDigits: 3 })
    if (!parsed.ok) throw new Error(parsed.message)
    expect(fractionTypedAsInteger(parsed, fracDigits)).toEqual(meant)
  })
})
