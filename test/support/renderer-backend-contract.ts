import type { ApiResult } from '../../src-shared/api/result'

/**
 * What a renderer test sees of the app behind its window: the handlers' dispatch (as the
 * preload's bridge reaches them) and a way to seed the replica. The app itself is Node code
 * (`renderer-backend.ts`, type-checked with main); the renderer tests' DOM project knows only this.
 */
export interface RendererBackend {
  dispatch(channel: string, input: unknown): Promise<ApiResult<unknown>>
  /** Runs one SQL statement on the replica. */
  run(sql: string, ...params: unknown[]): void
  cleanup(): void
}

export interface BackendOptions {
  /** The login of one of the test operators (support/temp-app.ts), logged in at the window. */
  login?: 'clerk' | 'cashier' | 'super'
  /** Register an open account first. */
  account?: boolean
}

export interface StartedBackend {
  backend: RendererBackend
  accountId: string
}
