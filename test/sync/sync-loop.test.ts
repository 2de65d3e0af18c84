import { describe, expect, it } from 'vitest'
import { SyncLoop } from '../../src-main/sync/sync-loop'
import { nextSyncDelay, SYNC_INTERVAL_MS } from '../../src-shared/sync/backoff'

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
