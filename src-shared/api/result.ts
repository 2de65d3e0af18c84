export const errorCodes = [
  'invalid_input',
  'unknown_channel',
  'unauthenticated',
  /** Like unauthenticated, but the central server ended the session: the UI says so. */
  'session_ended',
  'bad_credentials',
  'forbidden',
  'locked',
  'not_found',
  'conflict',
  /** The central server limits how often this may be tried (HTTP 429): wait and retry. */
  'rate_limited',
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export interface ApiError {
  code: ErrorCode
  /** Russian, shown to the operator as is. */
  message: string
  /** Field path (dot-joined) to a Russian message naming the field. */
  fields?: Record<string, string>
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** The answer of a call that failed: a Russian message the operator reads as is. */
export function failed(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } }
}
