import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto'

// N=2^14, r=8, p=1: node's defaults, about 30 ms a check, 16 MiB of memory.
const N = 16384
const r = 8
const p = 1
const keyLength = 32

/** "scrypt$N$r$p$salt$hash" with base64 salt and hash. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(password.normalize('NFC'), salt, keyLength, { N, r, p })
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$')
}

/** The same check on libuv's thread pool: a server answering many workstations never blocks. */
export function verifyPasswordAsync(password: string, stored: string): Promise<boolean> {
  const [kind, n, rr, pp, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return Promise.resolve(false)
  const expected = Buffer.from(hash, 'base64')
  const options = { N: Number(n), r: Number(rr), p: Number(pp), maxmem: 64 * 1024 * 1024 }
  return new Promise((resolve) =>
    scrypt(
      password.normalize('NFC'),
      Buffer.from(salt, 'base64'),
      expected.length,
      options,
      (e, key) => resolve(!e && timingSafeEqual(key, expected)),
    ),
  )
}

export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, rr, pp, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = scryptSync(
    password.normalize('NFC'),
    Buffer.from(salt, 'base64'),
    expected.length,
    {
      N: Number(n),
      r: Number(rr),
      p: Number(pp),
    },
  )
  return timingSafeEqual(actual, expected)
}
