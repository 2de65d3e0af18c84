import { formatRub } from './format'

export type AmountErrorCode =
  'empty' | 'not_a_number' | 'too_many_decimals' | 'not_positive' | 'above_limit'

export type ParsedAmount =
  { ok: true; kopecks: number } | { ok: false; code: AmountErrorCode; message: string }

export interface ParseAmountOptions {
  /** The largest amount accepted, in kopecks (a company setting). */
  maxKopecks?: number
  /** Accept zero: an opening float or the counted cash may be nothing; a payment never is. */
  allowZero?: boolean
}

// 13 digits of roubles times 100 stays below 2^53: every accepted amount is an exact integer.
const maxRoubleDigits = 13

// Spaces of every kind a keyboard or a paste may bring (no-break, narrow, thin).
const spaces = /[\s\u00a0\u2007\u2009\u202f]+/g
// Thousands separated by single spaces in groups of three, or plain digits; then a comma or a point.
const shape = /^([+-]?) ?(\d{1,3}(?: \d{3})+|\d+)?(?:[.,](\d*))?$/

const positive = 'Сумма должна быть больше нуля'

function fail(code: AmountErrorCode, message: string): ParsedAmount {
  return { ok: false, code, message }
}

/**
 * A cashier-typed amount in roubles ("1 234,56", "1234.5", "100") as kopecks.
 * String and integer math only: the digits are read, never multiplied as a float.
 */
export function parseAmount(text: string, options: ParseAmountOptions = {}): ParsedAmount {
  const normalized = text
    .replace(spaces, ' ')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .trim()
  if (normalized === '') return fail('empty', 'Введите сумму')

  const match = shape.exec(normalized)
  const intText = match?.[2]?.replaceAll(' ', '') ?? ''
  const fracText = match?.[3] ?? ''
  if (!match || (intText === '' && fracText === ''))
    return fail('not_a_number', 'Сумма должна быть числом, например 1 234,56')
  if (fracText.length > 2)
    return fail('too_many_decimals', 'Не больше двух знаков после запятой (копейки)')

  const roubleDigits = intText.replace(/^0+/, '')
  if (roubleDigits.length > maxRoubleDigits) return tooLarge(options.maxKopecks)
  const kopecks = Number(roubleDigits || '0') * 100 + Number(fracText.padEnd(2, '0'))

  if (match[1] === '-' && kopecks !== 0)
    return fail('not_positive', options.allowZero ? 'Сумма не может быть отрицательной' : positive)
  if (kopecks === 0 && !options.allowZero) return fail('not_positive', positive)
  if (options.maxKopecks !== undefined && kopecks > options.maxKopecks)
    return tooLarge(options.maxKopecks)
  return { ok: true, kopecks }
}

function tooLarge(maxKopecks: number | undefined): ParsedAmount {
  return fail(
    'above_limit',
    maxKopecks === undefined
      ? 'Слишком большая сумма'
      : `Сумма больше допустимой: не более ${formatRub(maxKopecks)}`,
  )
}
