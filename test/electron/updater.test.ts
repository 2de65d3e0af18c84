import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  startAutoUpdates,
  updateCheckIntervalMs,
  wireAutoUpdater,
} from '../../src-main/electron/updater'
import { app, resetFakeElectron } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

class FakeUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = false
  checkForUpdates = vi.fn((): Promise<unknown> => Promise.resolve(null))
}

const { autoUpdater } = vi.hoisted(() => ({ autoUpdater: { current: null as unknown } }))

vi.mock('electron-updater', () => {
  const proxy = new Proxy(
    {},
    { get: (_target, key) => (key === 'autoUpdater' ? autoUpdater.current : undefined) },
  )
  return { default: proxy, autoUpdater: proxy }
})

describe('auto-update', () => {
  let updater: FakeUpdater

  beforeEach(() => {
    resetFakeElectron()
    vi.useFakeTimers()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    updater = new FakeUpdater()
    autoUpdater.current = updater
  })

  afterEach(() => {
    vi.clearAllTimers()
    vi.useRealTimers()
  })

  it('is not wired in a dev run', () => {
    app.isPackaged = false
    expect(startAutoUpdates()).toBe(false)
    expect(updater.checkForUpdates).not.toHaveBeenCalled()
    expect(updater.autoDownload).toBe(false)
    expect(updater.listenerCount('error')).toBe(0)
  })

  it("wires electron-updater's autoUpdater in the installed app", () => {
    app.isPackaged = true
    expect(startAutoUpdates()).toBe(true)
    expect(updater.autoDownload).toBe(true)
    expect(updater.autoInstallOnAppQuit).toBe(true)
    expect(updater.listenerCount('error')).toBe(1)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
  })

  it('checks on start and again every interval', () => {
    const stop = wireAutoUpdater(updater)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(updateCheckIntervalMs)
    vi.advanceTimersByTime(updateCheckIntervalMs)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3)
    stop()
    vi.advanceTimersByTime(updateCheckIntervalMs)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3)
    expect(updateCheckIntervalMs).toBeLessThanOrEqual(12 * 60 * 60 * 1000)
  })

  it('logs errors and failed checks without throwing', async () => {
    updater.checkForUpdates.mockRejectedValueOnce(new Error('offline'))
    updater.checkForUpdates.mockImplementationOnce(() => {
      throw new Error('no app-update.yml')
    })
    wireAutoUpdater(updater)
    expect(() => vi.advanceTimersByTime(updateCheckIntervalMs)).not.toThrow()
    expect(() => updater.emit('error', new Error('signature mismatch'))).not.toThrow()
    await vi.runOnlyPendingTimersAsync()
    expect(console.error).toHaveBeenCalledTimes(3)
  })
})
