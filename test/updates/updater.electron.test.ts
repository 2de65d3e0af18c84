import { EventEmitter } from 'node:events'
import { generate } from 'selfsigned'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startAutoUpdates } from '../../src-main/electron/updater'
import {
  startAutoUpdates as startUpdates,
  updateCheckIntervalMs,
  type Updater,
} from '../../src-main/updates/auto-update'
import { fingerprintOfPem } from '../../src-main/sync/pinned-tls'
import { configureSync } from '../../src-main/sync/sync-state'
import { tempApp, type TempApp } from '../support/temp-app'
import { app, resetFakeElectron, session } from '../electron/support/fake-electron'

vi.mock('electron', () => import('../electron/support/fake-electron'))

class FakeUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = true
  disableDifferentialDownload = false
  setFeedURL = vi.fn()
  quitAndInstall = vi.fn()
  checkForUpdates = vi.fn((): Promise<null> => Promise.resolve(null))
}

const { autoUpdater } = vi.hoisted(() => ({ autoUpdater: { current: null as unknown } }))

vi.mock('electron-updater', () => {
  const proxy = new Proxy(
    {},
    { get: (_target, key) => (key === 'autoUpdater' ? autoUpdater.current : undefined) },
  )
  return { default: proxy, autoUpdater: proxy }
})

describe('auto-update glue', () => {
  let updater: FakeUpdater
  let replica: TempApp

  beforeEach(() => {
    resetFakeElectron()
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    vi.spyOn(console, 'error').mockImplementation(() => {})
    updater = new FakeUpdater()
    autoUpdater.current = updater
    replica = tempApp()
  })

  afterEach(() => {
    vi.clearAllTimers()
    vi.useRealTimers()
    replica.cleanup()
  })

  /** The update loop of a workstation registered with a server, over the fake updater. */
  function registeredUpdates(now?: () => Date) {
    const db = replica.app.services.db
    configureSync(db, { serverUrl: 'http://s', workstationId: 'w', secret: 's' })
    return startUpdates({
      updater: updater as unknown as Updater,
      db,
      state: replica.app.services.updates,
      now,
    })
  }

  it('is not wired in a dev run', () => {
    app.isPackaged = false
    expect(startAutoUpdates(replica.app)).toBeNull()
    expect(updater.checkForUpdates).not.toHaveBeenCalled()
    expect(updater.autoDownload).toBe(false)
    expect(updater.listenerCount('error')).toBe(0)
    expect(replica.app.services.updates.view().enabled).toBe(false)
  })

  it("wires electron-updater's autoUpdater in the installed app; installing waits for quit", async () => {
    app.isPackaged = true
    configureSync(replica.app.services.db, {
      serverUrl: 'http://10.1.2.3:5190',
      workstationId: 'ws',
      secret: 's',
    })
    const updates = startAutoUpdates(replica.app)
    expect(updates).not.toBeNull()
    expect(updater.autoDownload).toBe(true)
    // Never at quit by itself: beforeQuit decides by the shift.
    expect(updater.autoInstallOnAppQuit).toBe(false)
    expect(updater.disableDifferentialDownload).toBe(true)
    expect(updater.listenerCount('error')).toBe(1)
    expect(app.listenerCount('before-quit')).toBe(1)
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledTimes(1))
    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'http://10.1.2.3:5190/updates/stable/?app=test',
    })
    expect(replica.app.services.updates.view()).toMatchObject({
      enabled: true,
      server: 'http://10.1.2.3:5190',
    })
    updates!.stop()
  })

  it("takes the feed's https only from the central server's pinned certificate", async () => {
    app.isPackaged = true
    const certificate = async () =>
      (await generate([{ name: 'commonName', value: 'Центральный сервер' }], { keyType: 'ec' }))
        .cert
    const [ours, other] = await Promise.all([certificate(), certificate()])
    configureSync(replica.app.services.db, {
      serverUrl: 'https://10.1.2.3:5190',
      workstationId: 'ws',
      secret: 's',
      serverCertificate: fingerprintOfPem(ours),
    })
    const updates = startAutoUpdates(replica.app)!
    const verify = session.fromPartition('electron-updater').setCertificateVerifyProc.mock
      .calls[0]![0] as (
      request: { certificate: { data: string } },
      callback: (code: number) => void,
    ) => void
    const verdict = (pem: string) => {
      let code: number | undefined
      verify({ certificate: { data: pem } }, (c) => (code = c))
      return code
    }
    expect(verdict(ours)).toBe(0)
    expect(verdict(other)).toBe(-2)
    expect(verdict('not a certificate')).toBe(-2)
    updates.stop()
  })

  it('asks no feed before the workstation is registered with a server', async () => {
    app.isPackaged = true
    const updates = startAutoUpdates(replica.app)!
    await updates.check()
    expect(updater.checkForUpdates).not.toHaveBeenCalled()
    expect(replica.app.services.updates.view().server).toBeNull()
    updates.stop()
  })

  it('checks on start and again every interval', async () => {
    const updates = registeredUpdates()
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledTimes(1))
    vi.advanceTimersByTime(updateCheckIntervalMs)
    vi.advanceTimersByTime(updateCheckIntervalMs)
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledTimes(3))
    updates.stop()
    vi.advanceTimersByTime(updateCheckIntervalMs)
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3)
    expect(updateCheckIntervalMs).toBeLessThanOrEqual(12 * 60 * 60 * 1000)
  })

  it('asks again soon while the server refuses to sync this app as too old', async () => {
    let now = new Date('2026-11-20T09:00:00Z')
    const updates = registeredUpdates(() => now)
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledTimes(1))
    replica.app.services.db.$client
      .prepare(`UPDATE sync_state SET update_required = 'Обновите программу'`)
      .run()
    now = new Date('2026-11-20T09:01:00Z')
    updates.watch()
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1)
    now = new Date('2026-11-20T09:06:00Z')
    updates.watch()
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledTimes(2))
    updates.stop()
  })

  it('logs errors and failed checks without throwing', async () => {
    updater.checkForUpdates.mockRejectedValueOnce(new Error('offline'))
    const updates = registeredUpdates()
    await vi.waitFor(() => expect(replica.app.services.updates.lastError).toBe('offline'))
    expect(() => updater.emit('error', new Error('signature mismatch'))).not.toThrow()
    expect(replica.app.services.updates.lastError).toBe('signature mismatch')
    expect(console.error).toHaveBeenCalledTimes(2)
    updates.stop()
  })
})
