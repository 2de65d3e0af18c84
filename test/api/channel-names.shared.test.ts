import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  channelNameList,
  isListedChannelName,
  type ListedChannelName,
} from '../../src-shared/api/channel-names'
import { channelNames, type ChannelName } from '../../src-shared/api/contract'

describe("the preload's list of channel names", () => {
  it("is the contract's channels, as a type (npm run typecheck fails when they differ)", () => {
    expectTypeOf<ListedChannelName>().toEqualTypeOf<ChannelName>()
  })

  it("holds each of the contract's channels once and nothing else", () => {
    expect(new Set(channelNameList).size).toBe(channelNameList.length)
    expect([...channelNameList].sort()).toEqual([...channelNames].sort())
  })

  it('knows only those names', () => {
    for (const name of channelNames) expect(isListedChannelName(name)).toBe(true)
    for (const name of ['', 'accounts', 'accounts.search ', 'toString', '__proto__', 1, null])
      expect(isListedChannelName(name)).toBe(false)
  })
})
