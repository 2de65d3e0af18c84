import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach } from 'vitest'
import { bridgeKey, type Bridge } from '../../src-shared/api/bridge'
import type { BackendOptions, RendererBackend, StartedBackend } from './renderer-backend-contract'

// The backend is loaded by a computed path: its code (all of main) is type-checked once, by
// tsconfig.node.json, not again in this DOM project; the contract file types the seam.
const backendModule = './renderer-backend'
const { startBackend } = (await import(/* @vite-ignore */ backendModule)) as {
  startBackend(options: BackendOptions): Promise<StartedBackend>
}

let current: RendererBackend | null = null

// One bridge for the whole file, as the preload gives one per window: the renderer's API client
// keeps the transport it picked first, so the bridge forwards to the app of the test at hand.
const bridge: Bridge = {
  invoke: (channel, input) => {
    if (!current) throw new Error('no app behind the renderer')
    return current.dispatch(channel, input)
  },
}

/**
 * A real app (temporary replica, the handlers Electron registers) behind a happy-dom window, an
 * operator logged in at it, a fresh Pinia: what a renderer store talks to in the desktop app.
 */
export async function rendererApp(options: BackendOptions = {}): Promise<StartedBackend> {
  const started = await startBackend(options)
  current = started.backend
  Object.assign(window, { [bridgeKey]: bridge })
  setActivePinia(createPinia())
  return started
}

export function closeRendererApp(): void {
  current?.cleanup()
  current = null
}

/**
 * A fresh app for each test of a file: opened before it (then `prepare` adds the rows the file's
 * tests start from), closed after it. The object returned holds the app of the test at hand.
 */
export function useRendererApp(
  options: BackendOptions = {},
  prepare?: (started: StartedBackend) => void | Promise<void>,
): Readonly<StartedBackend> {
  const started = {} as StartedBackend
  beforeEach(async () => {
    Object.assign(started, await rendererApp(options))
    await prepare?.(started)
  })
  afterEach(closeRendererApp)
  return started
}
