import type { Rng } from './rng'
import { extraStreets, settlements, type Settlement } from './places'

/** The premises an account is opened for. */
export interface Premises {
  settlement: Settlement
  street: string
  house: string
  building: string | null
  /** null for a private house */
  flat: string | null
  floors: number
  electricStove: boolean
  /** Heating and hot water from the district heating company. */
  districtHeating: boolean
}

/**
 * Walks along a settlement's streets handing out house numbers that only grow, a stretch of one
 * street, then the next. A street ends at a plausible last number; when every street has, new
 * streets are laid out, so an address is never given twice however many accounts are made.
 */
class StreetWalk {
  private readonly streets: string[]
  private readonly last: number[] = []
  private readonly caps: number[] = []
  private street = 0
  private leftOnStretch: number
  private pendingLetter: string | null = null
  private extra = 0

  constructor(
    own: readonly string[],
    /** Names for new streets, none of them in use in the settlement. */
    private readonly pool: readonly string[],
    private readonly cap: [number, number],
    private readonly rng: Rng,
  ) {
    this.streets = []
    for (const s of own) this.addStreet(s)
    this.leftOnStretch = rng.int(6, 24)
  }

  private addStreet(name: string): void {
    this.streets.push(name)
    this.last.push(0)
    this.caps.push(this.rng.int(...this.cap))
  }

  /** The next street that still has numbers, laying out a new one when none has. */
  private moveOn(): void {
    for (let i = 1; i <= this.streets.length; i++) {
      const k = (this.street + i) % this.streets.length
      if ((this.last[k] as number) < (this.caps[k] as number)) {
        this.street = k
        return
      }
    }
    if (this.extra < this.pool.length) {
      this.addStreet(this.pool[this.extra++] as string)
      this.street = this.streets.length - 1
    } else {
      // Out of names too: the streets grow longer.
      for (let k = 0; k < this.caps.length; k++) this.caps[k] = (this.caps[k] as number) * 2
    }
  }

  next(): { street: string; house: string } {
    if (this.pendingLetter) {
      const house = `${this.last[this.street]}${this.pendingLetter}`
      this.pendingLetter = null
      return { street: this.streets[this.street] as string, house }
    }
    if (
      this.leftOnStretch <= 0 ||
      (this.last[this.street] as number) >= (this.caps[this.street] as number)
    ) {
      this.moveOn()
      this.leftOnStretch = this.rng.int(6, 24)
    }
    this.leftOnStretch -= 1
    const number =
      (this.last[this.street] as number) +
      this.rng.weighted([
        [1, 3],
        [2, 6],
        [4, 1],
      ])
    this.last[this.street] = number
    // Now and then a house "12А" stands next to "12".
    if (this.rng.chance(0.05)) this.pendingLetter = 'А'
    return { street: this.streets[this.street] as string, house: String(number) }
  }
}

interface Block {
  street: string
  house: string
  building: string | null
  floors: number
  flats: number
  nextFlat: number
  electricStove: boolean
  districtHeating: boolean
}

class SettlementCursor {
  private readonly blocks: StreetWalk | null
  private readonly houses: StreetWalk
  private block: Block | null = null
  private corpsLeft = 0
  private corpsHouse: { street: string; house: string } | null = null
  private corps = 0

  constructor(
    readonly settlement: Settlement,
    private readonly rng: Rng,
  ) {
    // New streets of blocks and of houses come from separate halves of the spare names.
    const used = new Set([...settlement.blockStreets, ...settlement.houseStreets])
    const spare = extraStreets.filter((s) => !used.has(s))
    this.blocks =
      settlement.blockStreets.length > 0
        ? new StreetWalk(
            settlement.blockStreets,
            spare.filter((_, i) => i % 2 === 0),
            [30, 90],
            rng,
          )
        : null
    this.houses = new StreetWalk(
      settlement.houseStreets,
      spare.filter((_, i) => i % 2 === 1 || settlement.blockStreets.length === 0),
      [50, 150],
      rng,
    )
  }

  private flatShare(): number {
    if (this.settlement.kind === 'town') return 0.88
    if (this.settlement.kind === 'urban') return 0.62
    return 0
  }

  next(): Premises {
    if (this.blocks && this.rng.chance(this.flatShare())) return this.nextFlat()
    const { street, house } = this.houses.next()
    return {
      settlement: this.settlement,
      street,
      house,
      building: null,
      flat: null,
      floors: this.rng.chance(0.3) ? 2 : 1,
      electricStove: this.rng.chance(this.settlement.kind === 'village' ? 0.4 : 0.25),
      districtHeating: false,
    }
  }

  private newBlock(): Block {
    let address: { street: string; house: string }
    let building: string | null = null
    if (this.corpsLeft > 0 && this.corpsHouse) {
      address = this.corpsHouse
      this.corpsLeft -= 1
      this.corps += 1
      building = String(this.corps)
    } else {
      address = (this.blocks as StreetWalk).next()
      // Some houses are built as several blocks ("корп. 1", "корп. 2") under one number.
      if (this.rng.chance(0.08)) {
        this.corpsHouse = address
        this.corpsLeft = this.rng.int(1, 2)
        this.corps = 1
        building = '1'
      }
    }
    const town = this.settlement.kind === 'town'
    const floors = this.rng.weighted<number>(
      town
        ? [
            [2, 1],
            [5, 6],
            [9, 3],
          ]
        : [
            [2, 3],
            [3, 3],
            [5, 4],
          ],
    )
    const entrances = floors >= 9 ? this.rng.int(1, 4) : this.rng.int(2, 6)
    return {
      ...address,
      building,
      floors,
      flats: floors * entrances * (floors === 2 ? 2 : 4),
      nextFlat: 1,
      // Nine-storey blocks of the 1980s were built with electric stoves.
      electricStove: floors >= 9 ? this.rng.chance(0.7) : this.rng.chance(0.05),
      districtHeating: this.rng.chance(town ? 0.9 : 0.75),
    }
  }

  private nextFlat(): Premises {
    if (!this.block || this.block.nextFlat > this.block.flats) this.block = this.newBlock()
    const b = this.block
    const flat = String(b.nextFlat)
    b.nextFlat += 1
    return {
      settlement: this.settlement,
      street: b.street,
      house: b.house,
      building: b.building,
      flat,
      floors: b.floors,
      electricStove: b.electricStove,
      districtHeating: b.districtHeating,
    }
  }
}

/**
 * Hands out addresses across the branch: settlements by weight, blocks filled flat after flat.
 * Accounts of one block come out close together, as they were opened when the block was built.
 */
export class AddressBook {
  private readonly cursors: SettlementCursor[]
  private readonly weights: (readonly [number, number])[]

  constructor(private readonly rng: Rng) {
    this.cursors = settlements.map((s) => new SettlementCursor(s, rng))
    this.weights = settlements.map((s, i) => [i, s.weight] as const)
  }

  next(): Premises {
    return (this.cursors[this.rng.weighted(this.weights)] as SettlementCursor).next()
  }
}
