import type { Bridge } from '../src-shared/api/bridge'
import { isListedChannelName } from '../src-shared/api/channel-names'
import { failed, type ApiResult } from '../src-shared/api/result'

/** Sends one call to main; in the preload this is ipcRenderer.invoke with two arguments. */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>

const unknownChannel = failed('unknown_channel', 'Неизвестная операция.')
const transportFailure = failed('internal', 'Не удалось выполнить запрос к программе.')

/**
 * The page's only door to main: a frozen object with one function. Unknown channels are
 * answered here without any IPC; nothing of ipcRenderer or its events ever reaches the page.
 */
export function createBridge(invoke: Invoke): Bridge {
  return Object.freeze({
    async invoke(channel: string, input: unknown): Promise<ApiResult<unknown>> {
      if (!isListedChannelName(channel)) return unknownChannel
      try {
        return (await invoke(channel, input)) as ApiResult<unknown>
      } catch (error) {
        // E.g. an input that cannot be structured-cloned; the page gets a result, not a throw.
        console.error(`[bridge ${channel}]`, error)
        return transportFailure
      }
    },
  })
}
