import {
  contract,
  isChannelName,
  type ChannelName,
  type OutputOf,
  type ParsedInputOf,
} from '../../src-shared/api/contract'
import { failed, type ApiResult } from '../../src-shared/api/result'
import { validate } from '../../src-shared/api/validation'
import { sessionMessages } from '../../src-shared/operators/messages'
import type { Session } from '../operators/sessions'
import { auditRead } from '../audit/read-audit'
import { ApiFailure } from './failure'
import type { AppServices } from './services'

export interface HandlerContext {
  services: AppServices
  /** Null only on public channels. */
  session: Session | null
  /** Identifies the caller's window (IPC) or browser tab (web host); sessions are keyed by it. */
  clientKey: string
}

export type Handler<K extends ChannelName> = (
  input: ParsedInputOf<K>,
  ctx: HandlerContext,
) => OutputOf<K> | Promise<OutputOf<K>>

/** One handler per channel of the contract: the compiler refuses a missing one. */
export type Handlers = { [K in ChannelName]: Handler<K> }

/** One domain's handlers: one per channel named `<prefix>.…`, none missing. */
export type DomainHandlers<Prefix extends string> = {
  [K in ChannelName as K extends `${Prefix}.${string}` ? K : never]: Handler<K>
}

export type Dispatch = (
  channel: unknown,
  input: unknown,
  clientKey: string,
) => Promise<ApiResult<unknown>>

/**
 * The one wrapper every call goes through, over IPC and HTTP alike: known channel, valid input,
 * a session with an allowed role (and not locked), then the handler. Errors become Russian
 * messages; unknown channels and invalid input never reach a handler.
 */
export function createDispatch(services: AppServices, handlers: Handlers): Dispatch {
  return async (channel, input, clientKey) => {
    if (!isChannelName(channel)) return failed('unknown_channel', 'Неизвестная операция.')
    const def = contract[channel]
    const session = services.sessions.touch(clientKey, services.clock(), !def.passive)
    if (def.roles !== 'public') {
      if (!session) {
        return services.sessions.wasEndedByServer(clientKey)
          ? failed('session_ended', sessionMessages.endedByServer)
          : failed('unauthenticated', 'Войдите в программу, чтобы продолжить.')
      }
      if (session.locked && !def.whileLocked) {
        return failed('locked', 'Экран заблокирован. Введите пароль, чтобы продолжить.')
      }
      if (!def.roles.includes(session.role)) {
        return failed('forbidden', 'Эта операция недоступна для вашей роли.')
      }
    }
    const parsed = validate(def.input, input ?? {})
    if (!parsed.ok) return parsed
    try {
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown
      const ctx = { services, session, clientKey }
      const value = await handler(parsed.value, ctx)
      auditRead(channel, parsed.value as never, value as never, ctx)
      return { ok: true, value }
    } catch (error) {
      if (error instanceof ApiFailure) return { ok: false, error: error.toApiError() }
      console.error(`[${channel}]`, error)
      return failed('internal', 'Внутренняя ошибка программы. Изменения не сохранены.')
    }
  }
}
