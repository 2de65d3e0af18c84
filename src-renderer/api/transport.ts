import {
  apiTokenHeader,
  apiTokenMeta,
  bridgeKey,
  clientIdHeader,
  type Bridge,
} from '../../src-shared/api/bridge'
import type { ApiResult } from '../../src-shared/api/result'

declare global {
  interface Window {
    [bridgeKey]?: Bridge
  }
}

/** Sends one call and returns the raw result; throws only when the other side cannot be reached. */
export type Transport = (channel: string, input: unknown) => Promise<unknown>

const clientIdKey = 'energo-client-id'

function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  // randomUUID needs a secure context; the web host on 127.0.0.1 is one, this is a fallback.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** One id per browser tab: the web host keys the operator's session by it. */
function clientId(): string {
  let id = sessionStorage.getItem(clientIdKey)
  if (!id) {
    id = randomId()
    sessionStorage.setItem(clientIdKey, id)
  }
  return id
}

function apiToken(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${apiTokenMeta}"]`)?.content ?? ''
}

const httpTransport: Transport = async (channel, input) => {
  const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [apiTokenHeader]: apiToken(),
      [clientIdHeader]: clientId(),
    },
    body: JSON.stringify(input),
    cache: 'no-store',
  })
  // The web host answers refusals (4xx) with an ApiResult body too, so the status is not checked.
  return (await response.json()) as unknown
}

/** The Electron preload's bridge when present, else HTTP to the web dev host. */
export function pickTransport(): Transport {
  const bridge = window[bridgeKey]
  if (bridge) return (channel, input) => bridge.invoke(channel, input)
  return httpTransport
}

export function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  if (value.ok === true) return 'value' in value
  if (value.ok !== false || !('error' in value)) return false
  const error = value.error
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  )
}
