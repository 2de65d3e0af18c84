import type { ChannelName, InputOf, OutputOf } from '../../src-shared/api/contract'
import type { ApiResult } from '../../src-shared/api/result'
import { call } from './client'

/**
 * A store's action that sends its input to one channel as it is and hands back the answer; the
 * store stays the one caller of its channels, and an action that does more is written out.
 */
export function sender<K extends ChannelName>(
  channel: K,
): (input: InputOf<K>) => Promise<ApiResult<OutputOf<K>>> {
  return (input) => call(channel, input)
}
