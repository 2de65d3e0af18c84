/**
 * Russian phone numbers are kept as +7 and 10 digits. Accepts what clerks type:
 * "8 (916) 123-45-67", "+7 916 1234567", "9161234567". Null when it is not a phone number.
 */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/\D/g, '')
  if (digits.length === 10) return `+7${digits}`
  if (digits.length === 11 && (digits[0] === '7' || digits[0] === '8'))
    return `+7${digits.slice(1)}`
  return null
}

/** "+7 (916) 123-45-67" */
export function formatPhone(phone: string): string {
  const d = phone.replace(/\D/g, '').slice(-10)
  if (d.length !== 10) return phone
  return `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`
}
