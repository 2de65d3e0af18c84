import { describe, expect, it } from 'vitest'
import { SyncLoop } from '../../src-main/sync/sync-loop'
import {
  MAX_RETRY_AFTER_MS,
  nextSyncDelay,
  retryAfterDelay,
  SYNC_INTERVAL_MS,
} from '../../src-shared/sync/backoff'
import { retryAfterOf } from '../../src-main/sync/server-client'

describe('the sync delay', () => {
  it.each([
    [0, 0.5, SYNC_INTERVAL_MS],
    [1, 0, 1_000],
    [1, 1, 2_000],
    [2, 1, 4_000],
    [4, 0.5, 12_000],
    [20, 0, 150_000],
    [20, 1, 300_000],
  ])('after %i failures with random %f waits %i ms', (failures, random, ms) => {
    expect(nextSyncDelay(failures, random)).toBe(ms)
  })
})

describe('the sync loop', () => {
  it('never runs twice at once: wake-ups during a run queue one more run', async () => {
    let running = 0
    let maxRunning = 0
    let runs = 0
    const loop = new SyncLoop(async () => {
      running += 1
      maxRunning = Math.max(maxRunning, running)
      runs += 1
      await new Promise((r) => setTimeout(r, 20))
      running -= 1
    })
    loop.start()
    await Promise.all([loop.wake(), loop.wake(), loop.wake()])
    await loop.stop()
    expect(maxRunning).toBe(1)
    expect(runs).toBe(2)
  })

  it('counts failures for the backoff and clears them after a success', async () => {
    let fail = true
    const loop = new SyncLoop(async () => {
      if (fail) throw new Error('offline')
    })
    // start() runs at once; the wake-up during that run queues exactly one more.
    loop.start()
    await loop.wake()
    expect(loop.failures).toBe(2)
    fail = false
    await loop.wake()
    expect(loop.failures).toBe(0)
    await loop.stop()
  })
})

describe('Retry-After', () => {
  const now = Date.parse('2026-11-20T10:00:00.000Z')
  it.each([
    [429, '30', 30_000],
    [503, '5', 5_000],
    [503, 'Fri, 20 Nov 2026 10:01:00 GMT', 60_000],
    [503, 'Fri, 20 Nov 2026 09:00:00 GMT', 0],
    [429, 'soon', null],
    [429, undefined, null],
    [500, '30', null],
  ])('status %i with %s waits %s ms', (status, header, ms) => {
    expect(retryAfterOf(status, header, now)).toBe(ms)
  })

  it.each([
    [30_000, 0, 30_000],
    [30_000, 1, 31_000],
    [24 * 3_600_000, 0, MAX_RETRY_AFTER_MS],
    [-5, 0, 0],
  ])('the loop waits %i ms asked (random %f) as %i ms, bounded', (asked, random, ms) => {
    expect(retryAfterDelay(asked, random)).toBe(ms)
  })
})
