import type { SettingValue } from '../settings/definitions'

export type AccountNumberFormat = SettingValue<'accountNumberFormat'>

const letterForms = (n: number) => (n === 1 ? 'одна буква' : `до ${n} букв`)

/** What the company's format asks for, in the words of the error message. */
export function describeAccountNumberFormat(f: AccountNumberFormat): string {
  const digits =
    f.minDigits === f.maxDigits ? `${f.minDigits} цифр` : `от ${f.minDigits} до ${f.maxDigits} цифр`
  return f.maxPrefixLetters === 0
    ? `${digits}, без букв`
    : `${digits}, впереди допускается ${letterForms(f.maxPrefixLetters)}`
}

/**
 * A (normalised, upper-case) account number against the company's format setting; null when it
 * fits. The message names the field, like every other form error.
 */
export function accountNumberIssue(number: string, f: AccountNumberFormat): string | null {
  const match = /^(\p{Lu}*)(\d*)$/u.exec(number)
  const ok =
    match !== null &&
    match[1]!.length <= f.maxPrefixLetters &&
    match[2]!.length >= f.minDigits &&
    match[2]!.length <= f.maxDigits
  return ok ? null : `Номер лицевого счета: ${describeAccountNumberFormat(f)}`
}
