/** What the clerk typed to find a known customer: a phone, an ELS, or a name. */
export type CustomerQuery =
  | { kind: 'phone'; digits: string }
  | { kind: 'els'; els: string }
  | { kind: 'name'; lastName: string; firstName: string | null }
  | { kind: 'none' }

const capitalized = (word: string) =>
  word.charAt(0).toLocaleUpperCase('ru-RU') + word.slice(1).toLocaleLowerCase('ru-RU')

/**
 * Reads the query: 10 characters of digits and letters with a digit is an ELS; 5 or more digits
 * (spaces, brackets, dashes and +7/8 allowed) the end of a phone; else a surname, optionally
 * with the first name, as prefixes of the stored capitalized names.
 */
export function readCustomerQuery(typed: string): CustomerQuery {
  const text = typed.trim()
  if (text === '') return { kind: 'none' }
  const compact = text.replace(/\s+/g, '').toLocaleUpperCase('ru-RU')
  if (/^[0-9A-ZА-ЯЁ]{10}$/u.test(compact) && /\d/.test(compact) && /[A-ZА-ЯЁ]/u.test(compact))
    return { kind: 'els', els: compact }
  if (/^[\d\s()+-]+$/.test(text)) {
    const digits = text.replace(/\D/g, '')
    if (digits.length < 5) return { kind: 'none' }
    // The last 10 digits: a number typed with +7 or 8 in front matches the stored +7.
    return { kind: 'phone', digits: digits.slice(-10) }
  }
  const words = text.split(/\s+/).filter((w) => /^[\p{L}-]+$/u.test(w))
  if (words.length === 0 || words[0]!.length < 2) return { kind: 'none' }
  return {
    kind: 'name',
    lastName: capitalized(words[0]!),
    firstName: words[1] ? capitalized(words[1]) : null,
  }
}
