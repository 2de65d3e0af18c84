import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto'

/** scrypt's cost: every stored hash carries the one it was made with. */
export interface PasswordCost {
  N: number
  r: number
  p: number
}

/**
 * OWASP's Password Storage Cheat Sheet today: N = 2^17, r = 8, p = 1 (128 MiB, about 100-200 ms
 * a hash). Hashes made at an older cost still verify and are rehashed at the next login.
 */
export const passwordCost: PasswordCost = { N: 2 ** 17, r: 8, p: 1 }

let cost = passwordCost

/**
 * The test suite's setup only (test/support/vitest-setup.ts): its hundreds of throwaway operators are hashed at
 * a cheap cost, so the suite does not spend 128 MiB and a tenth of a second on each. The app and
 * the server never call it; the test of the production cost sets passwordCost back.
 */
export function setPasswordCostForTests(next: PasswordCost): void {
  cost = next
}

const keyLength = 32
/**
 * scrypt needs 128·N·r bytes; Node refuses above 32 MiB unless told. A stored hash asking for more
 * than twice today's cost is refused, never computed.
 */
const maxmem = 2 * 128 * passwordCost.N * passwordCost.r + 1024 * 1024

interface Stored extends PasswordCost {
  salt: Buffer
  hash: Buffer
}

/** "scrypt$N$r$p$salt$hash" with base64 salt and hash; null for anything else. */
function parse(stored: string): Stored | null {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return null
  const numbers = [n, r, p].map(Number)
  if (!numbers.every((x) => Number.isSafeInteger(x) && x > 0)) return null
  const [N, rr, pp] = numbers as [number, number, number]
  return { N, r: rr, p: pp, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') }
}

const format = (c: PasswordCost, salt: Buffer, hash: Buffer) =>
  ['scrypt', c.N, c.r, c.p, salt.toString('base64'), hash.toString('base64')].join('$')

export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(password.normalize('NFC'), salt, keyLength, { ...cost, maxmem })
  return format(cost, salt, hash)
}

/** The same on libuv's thread pool: the server rehashing at a login never blocks. */
export function hashPasswordAsync(password: string): Promise<string> {
  const salt = randomBytes(16)
  const at = cost
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { ...at, maxmem }, (e, hash) =>
      e ? reject(e) : resolve(format(at, salt, hash)),
    ),
  )
}

/** Whether a stored hash was made at another cost than today's: rehash it at the next login. */
export function needsRehash(stored: string): boolean {
  const s = parse(stored)
  return !s || s.N !== cost.N || s.r !== cost.r || s.p !== cost.p
}

/** The same check on libuv's thread pool: a server answering many workstations never blocks. */
export function verifyPasswordAsync(password: string, stored: string): Promise<boolean> {
  const s = parse(stored)
  if (!s) return Promise.resolve(false)
  return new Promise((resolve) =>
    scrypt(
      password.normalize('NFC'),
      s.salt,
      s.hash.length,
      { N: s.N, r: s.r, p: s.p, maxmem },
      (e, key) => resolve(!e && timingSafeEqual(key, s.hash)),
    ),
  )
}

export function verifyPassword(password: string, stored: string): boolean {
  const s = parse(stored)
  if (!s) return false
  try {
    const key = scryptSync(password.normalize('NFC'), s.salt, s.hash.length, {
      N: s.N,
      r: s.r,
      p: s.p,
      maxmem,
    })
    return timingSafeEqual(key, s.hash)
  } catch {
    return false
  }
}
