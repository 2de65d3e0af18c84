/*
 * The real electron-updater against the real central server on loopback. Electron is the
 * glue tests' fake (its net.request is Node's HTTP client); electron-updater's own
 * `require('electron')` is pointed at the same fake through the CommonJS module cache.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { executeCommand } from '../../src-main/commands/command'
import type { AutoUpdates, Updater } from '../../src-main/updates/auto-update'
import { closeShift, openShift } from '../../src-main/shifts/shift-commands'
import { configureSync } from '../../src-main/sync/sync-state'
import { UpdateState } from '../../src-main/updates/update-state'
import type { ReleaseChannel } from '../../src-shared/updates/feed'
import { publishRelease } from '../../src-server/updates/releases'
import { tempApp, type TempApp } from '../support/temp-app'
import { startTestServer, useTestDatabase, type RunningServer } from '../support/server'
import * as fakeElectron from '../electron/support/fake-electron'

vi.mock('electron', () => import('../electron/support/fake-electron'))

const require = createRequire(import.meta.url)
const electronId = require.resolve('electron')
const cached = new Module(electronId)
cached.exports = fakeElectron
cached.loaded = true
require.cache[electronId] = cached

const { DebUpdater } = await import('electron-updater')
const { startAutoUpdates } = await import('../../src-main/electron/updater')

const database = useTestDatabase()
const work = mkdtempSync(join(tmpdir(), 'energo-auto-update-'))
const releasesDir = join(work, 'releases')
let server: RunningServer
const debName = 'energo-office-0.3.0-amd64.deb'
const debContent = randomBytes(64 * 1024)

beforeAll(async () => {
  // Workstations before 0.2.5 cannot sync with this server.
  server = await startTestServer(database.db, { releasesDir, minAppVersion: '0.2.5' })
  mkdirSync(join(work, 'built'))
  const deb = join(work, 'built', debName)
  writeFileSync(deb, debContent)
  await publishRelease({
    releasesDir,
    channel: 'stable',
    file: deb,
    version: '0.3.0',
    releaseNotes: 'Сверка смен с сервером.',
  })
  await publishRelease({ releasesDir, channel: 'pilot', file: deb, version: '0.3.0', rollout: 1 })
})
afterAll(async () => {
  await server.close()
  rmSync(work, { recursive: true, force: true })
})

interface Workstation {
  replica: TempApp
  updater: InstanceType<typeof DebUpdater>
  state: UpdateState
  updates: AutoUpdates
  cacheDir: string
  /** Resolves with the first outcome: downloaded, nothing newer, or an error. */
  outcome: Promise<string>
}

const running: Workstation[] = []
afterEach(() => {
  for (const ws of running.splice(0)) {
    ws.updates.stop()
    ws.replica.cleanup()
  }
  vi.unstubAllEnvs()
})

/**
 * An installed workstation on `version`, registered with the test server, its updater started
 * by the Electron glue as main.ts does. `stagingId` fixes electron-updater's rollout draw.
 */
function workstation(version: string, channel: ReleaseChannel, stagingId?: string): Workstation {
  const home = mkdtempSync(join(work, 'ws-'))
  const userData = join(home, 'user-data')
  mkdirSync(userData)
  if (stagingId) writeFileSync(join(userData, '.updaterId'), stagingId)
  // electron-updater keeps downloads under $XDG_CACHE_HOME/<updaterCacheDirName>.
  vi.stubEnv('XDG_CACHE_HOME', join(home, 'cache'))
  fakeElectron.resetFakeElectron()
  fakeElectron.app.isPackaged = true
  fakeElectron.app.getVersion.mockReturnValue(version)
  fakeElectron.app.getPath.mockReturnValue(userData)
  vi.spyOn(console, 'error').mockImplementation(() => {})

  const replica = tempApp()
  configureSync(replica.app.services.db, {
    serverUrl: server.url,
    workstationId: 'ws-1',
    secret: 'secret',
  })
  const state = new UpdateState(version, channel)
  replica.app.services.updates = state

  const updater = new DebUpdater()
  updater.logger = null
  // What electron-builder writes into the installed app (electron-builder.config.ts `publish`).
  const config = join(home, 'app-update.yml')
  writeFileSync(
    config,
    'provider: generic\nurl: http://127.0.0.1:5190/updates/stable\nupdaterCacheDirName: energo-office-updater\n',
  )
  updater.updateConfigPath = config
  const outcome = new Promise<string>((resolve) => {
    updater.on('update-downloaded', () => resolve('downloaded'))
    updater.on('update-not-available', () => resolve('current'))
    updater.on('error', (error) => resolve(`error: ${error.message}`))
  })
  const updates = startAutoUpdates(replica.app, updater as unknown as Updater)
  if (!updates) throw new Error('the updater did not start')
  const ws = {
    replica,
    updater,
    state,
    updates,
    cacheDir: join(home, 'cache', 'energo-office-updater', 'pending'),
    outcome,
  }
  running.push(ws)
  return ws
}

describe('updates from the central server with the real electron-updater', () => {
  it('finds the newer version on its sync server, downloads it and accepts it by SHA-512', async () => {
    const ws = workstation('0.2.5', 'stable')
    expect(await ws.outcome).toBe('downloaded')
    const downloaded = join(ws.cacheDir, debName)
    expect(readFileSync(downloaded).equals(debContent)).toBe(true)
    expect(ws.state.view()).toMatchObject({
      enabled: true,
      server: server.url,
      channel: 'stable',
      ready: true,
      lastError: null,
      available: { version: '0.3.0', releaseNotes: 'Сверка смен с сервером.' },
    })
    // The feed was asked at the sync address, with the app's version.
    const asked = fakeElectron.net.request.mock.calls.map((call) => String(call[0].path))
    expect(asked[0]).toMatch(/^\/updates\/stable\/latest-linux\.yml\?app=0\.2\.5/)
  })

  it('refuses a file that is not the one the feed names', async () => {
    const served = join(releasesDir, 'stable', debName)
    const tampered = Buffer.from(debContent)
    tampered[100] = tampered[100]! ^ 0xff
    writeFileSync(served, tampered)
    try {
      const ws = workstation('0.2.5', 'stable')
      expect(await ws.outcome).toMatch(/^error: .*sha512 checksum mismatch/)
      expect(ws.state.ready).toBe(false)
      expect(ws.state.lastError).toMatch(/sha512/)
      expect(existsSync(join(ws.cacheDir, debName))).toBe(false)
    } finally {
      writeFileSync(served, debContent)
    }
  })

  it('stays quiet when the version is current', async () => {
    const ws = workstation('0.3.0', 'stable')
    expect(await ws.outcome).toBe('current')
    expect(ws.state.view()).toMatchObject({ ready: false, available: null, lastError: null })
    expect(ws.state.lastCheckAt).not.toBeNull()
    expect(existsSync(join(ws.cacheDir, debName))).toBe(false)
  })

  it('keeps a staged rollout, but lifts a workstation the server refuses to sync', async () => {
    // This staging id draws the very top of the range: never inside a 1% rollout.
    const last = 'ffffffff-ffff-4fff-bfff-ffffffffffff'
    const current = workstation('0.2.6', 'pilot', last)
    expect(await current.outcome).toBe('current')
    const tooOld = workstation('0.2.0', 'pilot', last)
    expect(await tooOld.outcome).toBe('downloaded')
  })

  it('installs at quit only when no cash shift is open', async () => {
    const now = new Date('2026-11-20T09:00:00Z')
    const busy = workstation('0.2.5', 'stable')
    const busyInstall = vi.spyOn(busy.updater, 'install').mockImplementation(() => true)
    executeCommand(
      busy.replica.app.services.db,
      openShift,
      { openingCash: 0 },
      { operatorId: null, now },
    )
    expect(await busy.outcome).toBe('downloaded')
    await new Promise((resolve) => setImmediate(resolve))
    expect(busy.state.view()).toMatchObject({ ready: true, waitingForShift: true })
    // The clerk quits with the shift still open: electron-updater's quit handler installs nothing.
    fakeElectron.app.emit('before-quit')
    fakeElectron.app.emit('quit', {}, 0)
    expect(busyInstall).not.toHaveBeenCalled()

    const idle = workstation('0.2.5', 'stable')
    const idleInstall = vi.spyOn(idle.updater, 'install').mockImplementation(() => true)
    expect(await idle.outcome).toBe('downloaded')
    await new Promise((resolve) => setImmediate(resolve))
    expect(idle.state.view()).toMatchObject({ ready: true, waitingForShift: false })
    fakeElectron.app.emit('before-quit')
    fakeElectron.app.emit('quit', {}, 0)
    expect(idleInstall).toHaveBeenCalledExactlyOnceWith(true, false)
  })

  it('installs as soon as the shift that was open closes, never while it is open', async () => {
    const ws = workstation('0.2.5', 'stable')
    const install = vi.spyOn(ws.updater, 'quitAndInstall').mockImplementation(() => {})
    const db = ws.replica.app.services.db
    const now = new Date('2026-11-20T09:00:00Z')
    executeCommand(db, openShift, { openingCash: 0 }, { operatorId: null, now })
    expect(await ws.outcome).toBe('downloaded')
    ws.updates.watch()
    expect(install).not.toHaveBeenCalled()
    expect(ws.updater.autoInstallOnAppQuit).toBe(false)

    executeCommand(db, closeShift, { countedCash: 0 }, { operatorId: null, now })
    ws.updates.watch()
    expect(install).toHaveBeenCalledExactlyOnceWith(true, true)
  })
})

describe('update feed address', () => {
  it('is the sync address and follows it when the server moves', async () => {
    const ws = workstation('0.3.0', 'stable')
    expect(await ws.outcome).toBe('current')
    const setFeed = vi.spyOn(ws.updater, 'setFeedURL')
    const moved = server.url.replace('127.0.0.1', 'localhost')
    configureSync(ws.replica.app.services.db, {
      serverUrl: moved,
      workstationId: 'ws-1',
      secret: 'secret',
    })
    await ws.updates.check()
    expect(setFeed).toHaveBeenCalledExactlyOnceWith({
      provider: 'generic',
      url: `${moved}/updates/stable/?app=0.3.0`,
    })
    expect(ws.state.server).toBe(moved)
    expect(ws.state.lastError).toBeNull()
  })
})
