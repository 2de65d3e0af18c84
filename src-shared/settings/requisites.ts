/**
 * Check digits of Russian company requisites (INN, bank accounts): a typo in one digit is
 * caught at the desk, before it reaches bills and payment QR codes.
 */

function digits(s: string): number[] {
  return [...s].map(Number)
}

function weighted(d: number[], weights: readonly number[]): number {
  return weights.reduce((sum, w, i) => sum + w * (d[i] as number), 0)
}

const inn10 = [2, 4, 10, 3, 5, 9, 4, 6, 8]
const inn11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
const inn12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]

/** A legal entity's (10 digits) or a person's (12 digits) INN with valid check digits. */
export function innValid(inn: string): boolean {
  if (!/^(\d{10}|\d{12})$/.test(inn)) return false
  const d = digits(inn)
  if (d.length === 10) return (weighted(d, inn10) % 11) % 10 === d[9]
  return (weighted(d, inn11) % 11) % 10 === d[10] && (weighted(d, inn12) % 11) % 10 === d[11]
}

const accountWeights = [7, 1, 3]

function accountKeyOk(prefix: string, account: string): boolean {
  const d = digits(prefix + account)
  const sum = d.reduce((s, x, i) => s + ((x * (accountWeights[i % 3] as number)) % 10), 0)
  return sum % 10 === 0
}

/** A settlement account's control key (its 9th digit) matches the bank's BIC. */
export function settlementAccountMatchesBic(account: string, bic: string): boolean {
  return /^\d{20}$/.test(account) && /^\d{9}$/.test(bic) && accountKeyOk(bic.slice(-3), account)
}

/** A correspondent account's control key matches the bank's BIC. */
export function correspondentAccountMatchesBic(account: string, bic: string): boolean {
  return (
    /^\d{20}$/.test(account) && /^\d{9}$/.test(bic) && accountKeyOk(`0${bic.slice(4, 6)}`, account)
  )
}
