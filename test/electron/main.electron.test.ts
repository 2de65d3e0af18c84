import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { App } from '../../src-main/app/create-app'
import { channelNames } from '../../src-shared/api/contract'
import { UpdateState } from '../../src-main/updates/update-state'

vi.mock('electron', () => import('./support/fake-electron'))
vi.mock('../../src-main/app/create-app', () => ({ createApp: vi.fn() }))

const { updater } = vi.hoisted(() => ({
  updater: {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    disableDifferentialDownload: false,
    on: () => undefined,
    setFeedURL: () => undefined,
    quitAndInstall: () => undefined,
    checkForUpdates: () => Promise.resolve(null),
  },
}))
vi.mock('electron-updater', () => ({ default: { autoUpdater: updater }, autoUpdater: updater }))

type Fakes = typeof import('./support/fake-electron')
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function fakeCore(): App {
  return {
    // No replica behind it: the updater's first check fails and is logged, as offline.
    services: { updates: new UpdateState('0.1.0', 'stable') } as unknown as App['services'],
    dispatch: vi.fn(() => Promise.resolve({ ok: true as const, value: 'done' })),
    close: vi.fn(),
  }
}

/**
 * A fresh module registry per test, so the entry's top-level boot runs again. The fakes and
 * the createApp mock are read from that same registry, as the entry sees them.
 */
async function fresh() {
  vi.resetModules()
  const fx = (await import('electron')) as unknown as Fakes
  fx.resetFakeElectron()
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const { createApp } = await import('../../src-main/app/create-app')
  const { DatabaseTooNewError } = await import('../../src-main/db/migrate')
  return { ...fx, createApp: vi.mocked(createApp), DatabaseTooNewError }
}

async function boot(): Promise<void> {
  await import('../../src-main/electron/main')
  await flush()
}

describe('main entry', () => {
  beforeEach(() => {
    updater.autoDownload = false
  })

  afterEach(() => {
    Reflect.deleteProperty(process, 'resourcesPath')
  })

  it('opens the replica, then wires protocol, IPC, security and one window', async () => {
    const { app, BrowserWindow, FakeWebFrame, ipcMain, protocol, createApp } = await fresh()
    const core = fakeCore()
    createApp.mockReturnValue(core)
    await boot()

    expect(createApp).toHaveBeenCalledWith({
      dataDir: '/tmp/energo-user-data',
      appVersion: '0.1.0',
      migrationsFolder: undefined,
      printer: expect.objectContaining({ print: expect.any(Function) }),
      // Syncs run on the worker built next to the main bundle.
      syncWorker: new URL(
        './sync-worker.js',
        pathToFileURL(join(import.meta.dirname, '../../src-main/electron/main.ts')),
      ),
      // Exports too, and they go where the save dialog says.
      exportWorker: new URL(
        './export-worker.js',
        pathToFileURL(join(import.meta.dirname, '../../src-main/electron/main.ts')),
      ),
      // A bill batch's bills are built on theirs.
      billWorker: new URL(
        './bill-batch-worker.js',
        pathToFileURL(join(import.meta.dirname, '../../src-main/electron/main.ts')),
      ),
      exportDestination: expect.objectContaining({ choose: expect.any(Function) }),
    })
    expect(app.getPath).toHaveBeenCalledWith('userData')
    expect(app.enableSandbox).toHaveBeenCalled()
    // The scheme must be privileged before 'ready', the handler installed after it.
    const registered = protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!
    expect(registered).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!)
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(ipcMain.handlers.size).toBe(channelNames.length)
    expect(BrowserWindow.instances).toHaveLength(1)
    const window = BrowserWindow.instances[0]!
    expect(window.loadURL).toHaveBeenCalledWith('app://renderer/index.html')
    // Hardened through app 'web-contents-created'.
    expect(window.webContents.windowOpenHandler).not.toBeNull()
    expect(updater.autoDownload).toBe(false)

    // The window's own page reaches the replica's dispatch, keyed by its webContents id.
    const handler = ipcMain.handlers.get(channelNames[0]!) as (e: unknown, i: unknown) => unknown
    const event = {
      sender: window.webContents,
      senderFrame: new FakeWebFrame('app://renderer/index.html'),
    }
    expect(await handler(event, { a: 1 })).toEqual({ ok: true, value: 'done' })
    expect(core.dispatch).toHaveBeenCalledWith(
      channelNames[0],
      { a: 1 },
      `wc:${window.webContents.id}`,
    )

    app.emit('will-quit')
    expect(core.close).toHaveBeenCalledTimes(1)
  })

  it('uses the shipped migrations and starts the updater when packaged', async () => {
    const { app, createApp } = await fresh()
    app.isPackaged = true
    Object.defineProperty(process, 'resourcesPath', {
      value: '/opt/energo/resources',
      configurable: true,
    })
    createApp.mockReturnValue(fakeCore())
    await boot()
    expect(createApp.mock.calls[0]![0].migrationsFolder).toBe(
      join('/opt/energo/resources', 'migrations'),
    )
    expect(updater.autoDownload).toBe(true)
  })

  it('shows a Russian error and quits when the database is newer than the app', async () => {
    // From the entry's module registry, so its instanceof check holds.
    const { app, BrowserWindow, dialog, ipcMain, createApp, DatabaseTooNewError } = await fresh()
    createApp.mockImplementation(() => {
      throw new DatabaseTooNewError()
    })
    await boot()
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1)
    const [title, content] = dialog.showErrorBox.mock.calls[0] as [string, string]
    expect(title).toMatch(/[а-яё]/i)
    expect(content).toContain('более новой версией программы')
    expect(content).toContain('/tmp/energo-user-data')
    expect(app.quit).toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(0)
    expect(ipcMain.handlers.size).toBe(0)
  })

  it('explains any other startup failure in Russian too', async () => {
    const { app, dialog, createApp } = await fresh()
    createApp.mockImplementation(() => {
      throw new Error('SQLITE_CANTOPEN')
    })
    await boot()
    const [, content] = dialog.showErrorBox.mock.calls[0] as [string, string]
    expect(content).toContain('Не удалось открыть базу данных')
    expect(content).toContain('SQLITE_CANTOPEN')
    expect(app.quit).toHaveBeenCalled()
  })

  it('a second instance quits at once and focuses the first one', async () => {
    const second = await fresh()
    second.app.requestSingleInstanceLock.mockReturnValueOnce(false)
    await boot()
    expect(second.app.quit).toHaveBeenCalled()
    expect(second.createApp).not.toHaveBeenCalled()
    expect(second.BrowserWindow.instances).toHaveLength(0)

    // The first instance, on the other side, brings its window forward.
    const { app, BrowserWindow, createApp } = await fresh()
    createApp.mockReturnValue(fakeCore())
    await boot()
    const window = BrowserWindow.instances[0]!
    window.isMinimized.mockReturnValue(true)
    app.emit('second-instance')
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
  })
})
