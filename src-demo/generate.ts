import { buildAccount } from './account'
import { AddressBook } from './addresses'
import { dayMillis, dayNumber } from './calendar'
import type { GenContext } from './context'
import { IdFactory } from './ids'
import { MeterNumbers } from './meters'
import { buildReference } from './reference'
import { mixSeed, Rng } from './rng'
import { timelineOf, type Timeline } from './timeline'
import type { DemoChunk, DemoOptions } from './types'

/** Account numbers and ELS stay unique up to this many accounts. */
export const maxDemoAccounts = 10_000_000

/** Throws on options the generator cannot honour; returns the months they cover. */
export function checkDemoOptions(options: DemoOptions): Timeline {
  const { seed, accounts } = options
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error('seed must be a non-negative integer')
  if (!Number.isInteger(accounts) || accounts < 0 || accounts > maxDemoAccounts) {
    throw new Error(`accounts must be an integer from 0 to ${maxDemoAccounts}`)
  }
  return timelineOf(options)
}

/**
 * The demo data of one branch: first the reference data, then one account after another with
 * everything that hangs off it. Lazy, so a million accounts never sit in memory; the same
 * options give the same rows, byte for byte (no clock, no Math.random).
 */
export function* generateDemo(options: DemoOptions): Generator<DemoChunk> {
  const { seed, accounts } = options
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error('seed must be a non-negative integer')
  if (!Number.isInteger(accounts) || accounts < 0 || accounts > maxDemoAccounts) {
    throw new Error(`accounts must be an integer from 0 to ${maxDemoAccounts}`)
  }
  const timeline = timelineOf(options)
  // Ids carry the time of the history's start, and the run's seed in their random bits.
  const ids = new IdFactory(mixSeed(seed, 2), dayMillis(timeline.startDay))
  const priceIds = new IdFactory(mixSeed(seed, 5), dayMillis(dayNumber('2020-01-01')))
  const { reference, refs } = buildReference(timeline, ids, priceIds)
  yield { kind: 'reference', reference }

  const ctx: GenContext = {
    seed,
    timeline,
    refs,
    nextId: () => ids.next(),
    numbers: new MeterNumbers(mixSeed(seed, 3)),
    receipts: refs.offices.map(() => 0),
  }
  const addresses = new AddressBook(new Rng(mixSeed(seed, 4)))
  for (let i = 0; i < accounts; i++)
    yield { kind: 'account', account: buildAccount(ctx, addresses, i) }
}
