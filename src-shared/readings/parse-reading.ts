import { pluralRu } from '../money/plural'

/** The meter's digit capacity (значность): digits before and after the comma. */
export interface ReadingCapacity {
  intDigits: number
  fracDigits: number
}

export type ParseReadingErrorCode =
  'missing' | 'not_a_number' | 'too_many_int_digits' | 'too_many_frac_digits'

export type ParsedReading =
  | {
      ok: true
      /** Exactly what the clerk typed, for the audit ("02835,7"). */
      raw: string
      /** The billed integer part (DOMAIN "Readings" 1: the fraction is dropped, not rounded). */
      value: number
      /** The digits typed after the comma, as typed ('' when none). */
      fraction: string
      /** The clerk typed a comma or a point. */
      hasSeparator: boolean
    }
  | { ok: false; raw: string; code: ParseReadingErrorCode; message: string }

// Spaces of every kind a keyboard or a paste may bring (no-break, narrow, thin).
const spaces = /[\s\u00a0\u2007\u2009\u202f]+/g
const shape = /^(\d+)(?:([.,])(\d*))?$/

// 10^15 stays a safe integer, so every accepted reading and rollover is exact.
const maxIntDigits = 15
const maxFracDigits = 6

const digitForms = ['цифра', 'цифры', 'цифр'] as const
const signForms = ['знак', 'знака', 'знаков'] as const

/** Throws on a meter record no reading can be checked against: a data error, not a typo. */
export function assertCapacity({ intDigits, fracDigits }: ReadingCapacity): void {
  if (!Number.isInteger(intDigits) || intDigits < 1 || intDigits > maxIntDigits)
    throw new RangeError(`intDigits out of range: ${intDigits}`)
  if (!Number.isInteger(fracDigits) || fracDigits < 0 || fracDigits > maxFracDigits)
    throw new RangeError(`fracDigits out of range: ${fracDigits}`)
}

/**
 * What the clerk typed for one zone, read against the meter's capacity.
 * String and integer math only: the digits are read, never parsed as a float.
 */
export function parseReading(raw: string, capacity: ReadingCapacity): ParsedReading {
  assertCapacity(capacity)
  const { intDigits, fracDigits } = capacity
  const text = raw.replace(spaces, '')
  const fail = (code: ParseReadingErrorCode, message: string): ParsedReading => ({
    ok: false,
    raw,
    code,
    message,
  })

  if (text === '') return fail('missing', 'Введите показание')
  const match = shape.exec(text)
  if (!match) {
    return fail(
      'not_a_number',
      /^[-\u2212]/.test(text)
        ? 'Показание не может быть отрицательным'
        : 'Только цифры и запятая, например 02835,7',
    )
  }
  const intText = match[1] as string
  const hasSeparator = match[2] !== undefined
  const fraction = match[3] ?? ''

  // Leading zeros count: "001234" on a 5-digit meter is the drum 00123,4 typed without the comma.
  if (intText.length > intDigits) {
    return fail('too_many_int_digits', tooManyIntDigits(intText, hasSeparator, capacity))
  }
  if (fraction.length > fracDigits) {
    return fail(
      'too_many_frac_digits',
      fracDigits === 0
        ? 'У счетчика нет знаков после запятой: введите только целую часть'
        : `${fraction.length} ${pluralRu(fraction.length, signForms)} после запятой, а у счетчика ` +
            `${fracDigits}. Проверьте показание`,
    )
  }
  return { ok: true, raw, value: Number(intText), fraction, hasSeparator }
}

function tooManyIntDigits(intText: string, hasSeparator: boolean, c: ReadingCapacity): string {
  const n = intText.length
  const count = `${n} ${pluralRu(n, digitForms)} до запятой, а у счетчика ${c.intDigits}`
  const extra = intText.length - c.intDigits
  // Only a comma-less entry that fits once the extra digits move after the comma is that mistake.
  if (!hasSeparator && extra <= c.fracDigits) {
    const meant = `${intText.slice(0, c.intDigits)},${intText.slice(c.intDigits)}`
    return `${count}. Проверьте: возможно, цифры после запятой введены как целые (${meant})`
  }
  return `${count}. Проверьте показание`
}

/**
 * The reading the clerk probably meant when the fraction digits were typed as integers within
 * the capacity (46801 for 4680,1); null when the entry cannot be that mistake.
 */
export function fractionTypedAsInteger(
  parsed: Extract<ParsedReading, { ok: true }>,
  fracDigits: number,
): { value: number; text: string } | null {
  if (parsed.hasSeparator || fracDigits === 0) return null
  const digits = parsed.raw.replace(spaces, '')
  if (digits.length <= fracDigits) return null
  const intPart = digits.slice(0, -fracDigits)
  return { value: Number(intPart), text: `${intPart},${digits.slice(-fracDigits)}` }
}
