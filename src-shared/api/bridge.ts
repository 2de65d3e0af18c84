import type { ApiResult } from './result'

/** The name under which the preload exposes the bridge on `window`. */
export const bridgeKey = 'energo'

/** All the preload exposes: one call for the contract's channels, nothing else. */
export interface Bridge {
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>>
}

/** Web dev host: the per-run token is put into index.html as this meta tag, sent back as a header. */
export const apiTokenMeta = 'energo-api-token'
export const apiTokenHeader = 'x-api-token'
/** Web dev host: one id per browser tab, so each tab has its own operator session. */
export const clientIdHeader = 'x-client-id'
