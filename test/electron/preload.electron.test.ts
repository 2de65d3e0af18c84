import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { bridgeKey, type Bridge } from '../../src-shared/api/bridge'
import { channelNames } from '../../src-shared/api/contract'
import { contextBridge, ipcRenderer, resetFakeElectron } from './support/fake-electron'

vi.mock('electron', () => import('./support/fake-electron'))

let exposures: unknown[][]
let api: Bridge

beforeAll(async () => {
  resetFakeElectron()
  // Runs the preload script once, as the sandboxed renderer would.
  await import('../../src-preload/index')
  exposures = contextBridge.exposeInMainWorld.mock.calls.map((call) => [...call])
  api = exposures[0]![1] as Bridge
})

describe('preload bridge', () => {
  beforeEach(() => {
    resetFakeElectron()
    ipcRenderer.invoke.mockImplementation(() => Promise.resolve({ ok: true, value: 'pong' }))
  })

  it('exposes exactly one key holding exactly invoke', () => {
    expect(exposures).toHaveLength(1)
    expect(exposures[0]![0]).toBe(bridgeKey)
    expect(Object.keys(api)).toEqual(['invoke'])
    expect(Object.getOwnPropertyNames(api)).toEqual(['invoke'])
    expect(typeof api.invoke).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('forwards every contract channel to ipcRenderer.invoke with just channel and input', async () => {
    for (const channel of channelNames) {
      ipcRenderer.invoke.mockClear()
      const input = { channel, n: 1 }
      expect(await api.invoke(channel, input)).toEqual({ ok: true, value: 'pong' })
      expect(ipcRenderer.invoke.mock.calls).toEqual([[channel, input]])
    }
  })

  it.each(['evil.channel', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])(
    'answers the unknown channel %j without IPC',
    async (channel) => {
      expect(await api.invoke(channel, {})).toEqual({
        ok: false,
        error: { code: 'unknown_channel', message: 'Неизвестная операция.' },
      })
      expect(ipcRenderer.invoke).not.toHaveBeenCalled()
    },
  )

  it('refuses a non-string channel without IPC', async () => {
    const loose = api.invoke as (channel: unknown, input: unknown) => Promise<unknown>
    expect(await loose({ toString: () => channelNames[0] }, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    })
    expect(ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('turns an IPC failure into a result rather than a rejection', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('could not be cloned'))
    expect(await api.invoke(channelNames[0]!, {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    })
  })
})
