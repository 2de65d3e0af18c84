import type { ChannelName, InputOf, OutputOf } from '../../src-shared/api/contract'
import type { ApiError, ApiResult } from '../../src-shared/api/result'
import { translate } from '../i18n'
import { isApiResult, pickTransport, type Transport } from './transport'

type ErrorListener = (error: ApiError, channel: ChannelName) => void

const listeners = new Set<ErrorListener>()
let transport: Transport | null = null

/** Lets the session store react to `locked` and `unauthenticated` from any call. */
export function onApiError(listener: ErrorListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function failure(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'internal', message } }
}

/** Calls one channel of the contract. Never throws: every failure is an ApiResult. */
export async function call<K extends ChannelName>(
  channel: K,
  input: InputOf<K>,
): Promise<ApiResult<OutputOf<K>>> {
  transport ??= pickTransport()
  let raw: unknown
  try {
    raw = await transport(channel, input)
  } catch {
    return failure(translate('api.networkError'))
  }
  if (!isApiResult(raw)) return failure(translate('api.badResponse'))
  if (!raw.ok) for (const listener of listeners) listener(raw.error, channel)
  // The shape is checked above; the value's type is the contract's promise.
  return raw as ApiResult<OutputOf<K>>
}

/** A store's action that is one channel as it stands: the contract's input, the answer as is. */
export function caller<K extends ChannelName>(
  channel: K,
): (input: InputOf<K>) => Promise<ApiResult<OutputOf<K>>> {
  return (input) => call(channel, input)
}

/** A failed call, thrown by `callOrThrow` for code that prefers exceptions. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
  }
}

export async function callOrThrow<K extends ChannelName>(
  channel: K,
  input: InputOf<K>,
): Promise<OutputOf<K>> {
  const result = await call(channel, input)
  if (!result.ok) throw new ApiCallError(result.error)
  return result.value
}
