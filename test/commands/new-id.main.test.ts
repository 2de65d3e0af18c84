import { describe, expect, it } from 'vitest'
import { newId } from '../../src-main/commands/new-id'

describe('ids of the save path', () => {
  it('are UUIDv7s, distinct and rising in the order they were made, past a buffer refill', () => {
    const ids = Array.from({ length: 10_000 }, () => newId())
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
  })
})
