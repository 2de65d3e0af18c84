/**
 * A small seeded PRNG (sfc32, seeded through splitmix32): the same seed gives the same numbers on
 * every machine and Node version, unlike Math.random, and it is fast enough for a million accounts.
 */

export function fmix32(x: number): number {
  let z = x >>> 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
  return (z ^ (z >>> 16)) >>> 0
}

function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    return fmix32(s)
  }
}

/** Mixes several non-negative integers (seed, stream, index) into one 32-bit seed. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5
  for (const part of parts) {
    const high = Math.floor(part / 0x1_0000_0000)
    h = fmix32(Math.imul(h ^ (part >>> 0), 0x01000193) ^ high ^ 0x9e3779b9)
  }
  return h
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    const next = splitmix32(seed)
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next()
    // sfc32 needs a few rounds to forget a weak seed.
    for (let i = 0; i < 12; i++) this.uint32()
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0
    this.c = (this.c + t) >>> 0
    return t
  }

  /** [0, 1) with 32 bits of randomness. */
  next(): number {
    return this.uint32() / 0x1_0000_0000
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** One of the items, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of items) total += w
    let x = this.next() * total
    for (const [item, w] of items) {
      x -= w
      if (x < 0) return item
    }
    return (items[items.length - 1] as readonly [T, number])[0]
  }

  /** Around `mean`, within mean x (1 +- spread): a flat, bounded noise. */
  around(mean: number, spread: number): number {
    return mean * (1 + spread * (2 * this.next() - 1))
  }

  digits(count: number): string {
    let s = ''
    for (let i = 0; i < count; i++) s += String(this.uint32() % 10)
    return s
  }
}

/** A weighted choice prepared once: a binary search instead of a scan, for lists picked millions of times. */
export function weightedTable<T>(items: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values = items.map(([v]) => v)
  const cumulative: number[] = []
  let total = 0
  for (const [, w] of items) cumulative.push((total += w))
  return (rng) => {
    const x = rng.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] as number) > x) hi = mid
      else lo = mid + 1
    }
    return values[lo] as T
  }
}

/**
 * A keyed bijection on [0, half^2) (a 4-round Feistel network): unique numbers that do not
 * look sequential, without remembering the ones already given.
 */
export function permute(x: number, half: number, key: number): number {
  let l = Math.floor(x / half)
  let r = x % half
  for (let round = 0; round < 4; round++) {
    const f = fmix32(Math.imul(r + 1, 0x9e3779b1) ^ key ^ Math.imul(round + 1, 0x85ebca6b)) % half
    const next = (l + f) % half
    l = r
    r = next
  }
  return l * half + r
}
