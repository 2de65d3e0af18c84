import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { channelNames } from '../../src-shared/api/contract'
import { failed } from '../../src-shared/api/result'
import type { Dispatch } from '../api/dispatch'
import { isAppUrl } from './origin'
import type { TrustedContents } from './trusted-contents'

const forbidden = failed('forbidden', 'Запрос отклонен: неизвестный источник.')
const internal = failed('internal', 'Внутренняя ошибка программы. Изменения не сохранены.')

/** The IPC event fields the sender check reads. */
export type InvokeEventLike = Pick<IpcMainInvokeEvent, 'senderFrame'> & {
  sender: { readonly id: number }
}

/** Only the main frame of one of our windows, showing our own origin, may call the services. */
export function isTrustedSender(event: InvokeEventLike, trusted: TrustedContents): boolean {
  const frame = event.senderFrame
  if (!frame) return false
  return frame.parent === null && isAppUrl(frame.url) && trusted.has(event.sender.id)
}

/**
 * One ipcMain.handle per contract channel. Only the channel, the input and a client key made
 * from the window's id go on to dispatch: never the event, the sender or the frame.
 */
export function registerIpcHandlers(dispatch: Dispatch, trusted: TrustedContents): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, trusted)) return forbidden
      try {
        return await dispatch(channel, input, `wc:${event.sender.id}`)
      } catch (error) {
        // dispatch answers its own errors; this only keeps a rejection from reaching the page.
        console.error(`[ipc ${channel}]`, error)
        return internal
      }
    })
  }
}
