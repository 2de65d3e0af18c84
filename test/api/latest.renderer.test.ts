import { describe, expect, it } from 'vitest'
import { latestOnly } from '../../src-renderer/api/latest'

/** A read the test answers by hand, in the order it chooses. */
function pending<T>() {
  let answer!: (value: T) => void
  const promise = new Promise<T>((resolve) => (answer = resolve))
  return { read: () => promise, answer }
}

describe('reads of which only the latest counts', () => {
  it.each([
    { order: 'the older answer arrives last', olderFirst: false },
    { order: 'the older answer arrives first', olderFirst: true },
  ])('drops the superseded answer when $order', async ({ olderFirst }) => {
    const { latest } = latestOnly()
    const older = pending<string>()
    const newer = pending<string>()
    const olderAnswer = latest(older.read)
    const newerAnswer = latest(newer.read)
    if (olderFirst) older.answer('account 1')
    newer.answer('account 2')
    if (!olderFirst) older.answer('account 1')
    expect(await olderAnswer).toBeNull()
    expect(await newerAnswer).toBe('account 2')
  })

  it('answers a lone read as it came', async () => {
    const { latest } = latestOnly()
    expect(await latest(() => Promise.resolve({ ok: true }))).toEqual({ ok: true })
  })

  it('drops a running read when the screen is left', async () => {
    const reads = latestOnly()
    const running = pending<number>()
    const answer = reads.latest(running.read)
    reads.drop()
    running.answer(7)
    expect(await answer).toBeNull()
  })
})
