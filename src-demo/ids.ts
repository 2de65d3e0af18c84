import { Rng } from './rng'

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function hex16(x: number): string {
  return (hex[(x >>> 8) & 0xff] as string) + (hex[x & 0xff] as string)
}

/**
 * UUIDv7-shaped ids, like the ones workstations make, but reproducible: the 12-bit counter field
 * (RFC 9562, method 1) and the millisecond carry one running counter from `startMs`, the rest comes
 * from the seed. So ids are unique, and they grow in the order they are made, which keeps the
 * primary-key B-trees append-only during a bulk load.
 */
export class IdFactory {
  private counter = 0
  private readonly rng: Rng

  constructor(
    seed: number,
    private readonly startMs: number,
  ) {
    this.rng = new Rng(seed)
  }

  next(): string {
    const n = this.counter++
    const ms = this.startMs + Math.floor(n / 4096)
    const high = Math.floor(ms / 0x1_0000_0000) // top 16 of the 48 time bits
    const mid = Math.floor(ms / 0x1_0000) % 0x1_0000
    const low = ms % 0x1_0000
    const r1 = this.rng.uint32()
    const r2 = this.rng.uint32()
    return (
      `${hex16(high)}${hex16(mid)}-${hex16(low)}-${hex16(0x7000 | (n % 4096))}-` +
      `${hex16(0x8000 | (r1 & 0x3fff))}-${hex16(r1 >>> 16)}${hex16(r2 >>> 16)}${hex16(r2 & 0xffff)}`
    )
  }
}
