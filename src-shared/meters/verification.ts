export type VerificationStatus = 'valid' | 'due' | 'expired'

/** Months before the next verification date from which the clerk is warned. */
export const verificationWarnMonths = 3

export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()
  date.setUTCDate(Math.min(d, lastDay))
  return date.toISOString().slice(0, 10)
}

/** After the verification date the meter counts as failed; warn from 3 months before. */
export function verificationStatus(
  nextVerificationAt: string | null,
  today: string,
): VerificationStatus {
  if (!nextVerificationAt) return 'expired'
  if (nextVerificationAt <= today) return 'expired'
  if (addMonths(today, verificationWarnMonths) >= nextVerificationAt) return 'due'
  return 'valid'
}

/** Next verification = last verification + interval in years. */
export function nextVerificationDate(verifiedAt: string, intervalYears: number): string {
  return addMonths(verifiedAt, intervalYears * 12)
}
