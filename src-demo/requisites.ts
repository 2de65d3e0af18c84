/** Check digits of Russian company requisites, so demo bills and QR codes pass real validators. */

function digitsOf(s: string): number[] {
  if (!/^\d+$/.test(s)) throw new Error(`not digits: ${s}`)
  return [...s].map(Number)
}

/** A 10-digit legal-entity INN from its first 9 digits. */
export function innWithCheck(first9: string): string {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8]
  const d = digitsOf(first9)
  if (d.length !== 9) throw new Error('INN needs 9 digits before the check digit')
  const sum = d.reduce((s, x, i) => s + x * (weights[i] as number), 0)
  return first9 + String((sum % 11) % 10)
}

/** A 13-digit OGRN from its first 12 digits. */
export function ogrnWithCheck(first12: string): string {
  digitsOf(first12)
  if (first12.length !== 12) throw new Error('OGRN needs 12 digits before the check digit')
  return first12 + String(Number(BigInt(first12) % 11n) % 10)
}

const accountWeights = [7, 1, 3]

function accountKeySum(bicPart: string, account: string): number {
  return digitsOf(bicPart + account).reduce(
    (s, x, i) => s + ((x * (accountWeights[i % 3] as number)) % 10),
    0,
  )
}

/**
 * A 20-digit bank account with its control key (9th digit) set for the bank's BIC:
 * `pattern` has the key position as any digit.
 */
export function bankAccountWithKey(pattern: string, bic: string): string {
  const zeroed = `${pattern.slice(0, 8)}0${pattern.slice(9)}`
  const key = ((accountKeySum(bic.slice(-3), zeroed) % 10) * 3) % 10
  return `${pattern.slice(0, 8)}${key}${pattern.slice(9)}`
}

/** True when a settlement account's control key matches the BIC. */
export function bankAccountValid(account: string, bic: string): boolean {
  return account.length === 20 && accountKeySum(bic.slice(-3), account) % 10 === 0
}

/** True when a correspondent account's control key matches the BIC. */
export function correspondentAccountValid(account: string, bic: string): boolean {
  return account.length === 20 && accountKeySum(`0${bic.slice(4, 6)}`, account) % 10 === 0
}
