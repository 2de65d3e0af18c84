/**
 * The registration code an administrator types into a new workstation's first-run wizard:
 *
 *   7KQ2-M9XD-4FHT-Z0PB-HC3N-8W1R-QY6E-TA5G
 *   \---- one-time code ----/\--- server's pin ---/
 *
 * The first 16 characters are the one-time code (80 random bits). The last 16 are the first 80
 * bits of the SHA-256 fingerprint of the server's certificate: the workstation sends the code only
 * to a server presenting that certificate, and pins the certificate from then on. Crockford's
 * base 32 (no I, L, O, U), groups of four; dashes, spaces and case do not matter.
 */
export const CODE_CHARS = 16
export const PIN_CHARS = 16
export const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** "7kq2 m9xd-..." → "7KQ2M9XD...": what is hashed or compared, however it was typed. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/gu, '').toUpperCase()
}

/** In groups of four, as it is printed and typed. */
export function groupCode(chars: string): string {
  return chars.match(/.{1,4}/gu)?.join('-') ?? ''
}

/** The first 80 bits of a SHA-256 fingerprint (hex) in Crockford's base 32: the code's pin. */
export function pinOfFingerprint(fingerprintHex: string): string {
  let bits = ''
  for (const c of fingerprintHex.slice(0, (PIN_CHARS * 5) / 4)) {
    bits += parseInt(c, 16).toString(2).padStart(4, '0')
  }
  let pin = ''
  for (let i = 0; i < PIN_CHARS * 5; i += 5) pin += codeAlphabet[parseInt(bits.slice(i, i + 5), 2)]
  return pin
}

/** The one-time code and, when typed, the server's pin; null when it is no code at all. */
export function splitRegistrationCode(typed: string): { code: string; pin: string | null } | null {
  const chars = normalizeCode(typed)
  if (![...chars].every((c) => codeAlphabet.includes(c))) return null
  if (chars.length === CODE_CHARS) return { code: chars, pin: null }
  if (chars.length === CODE_CHARS + PIN_CHARS) {
    return { code: chars.slice(0, CODE_CHARS), pin: chars.slice(CODE_CHARS) }
  }
  return null
}

/** A SHA-256 fingerprint (hex) as a person compares it: "AB:CD:...". */
export function formatFingerprint(fingerprintHex: string): string {
  return (fingerprintHex.toUpperCase().match(/.{2}/gu) ?? []).join(':')
}
