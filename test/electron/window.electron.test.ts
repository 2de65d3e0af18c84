import { sep } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { TrustedContents } from '../../src-main/electron/trusted-contents'
import { createMainWindow, mainWindowOptions } from '../../src-main/electron/window'
import { app, BrowserWindow, resetFakeElectron } from './support/fake-electron'

vi.mock('electron', () => import('./support/fake-electron'))

describe('main window', () => {
  beforeEach(() => resetFakeElectron())

  it('builds hardened webPreferences', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs', { devTools: false })
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      preload: '/app/out/preload/index.cjs',
    })
  })

  it('creates the window hidden, at least 1280x720, with a Russian title and the built preload', () => {
    const trusted = new TrustedContents()
    createMainWindow(trusted)
    const [window] = BrowserWindow.instances
    const options = window!.options as ReturnType<typeof mainWindowOptions>
    const prefs = options.webPreferences!
    expect(prefs.preload!.endsWith(`${sep}preload${sep}index.cjs`)).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(options.show).toBe(false)
    expect(options.minWidth).toBeGreaterThanOrEqual(1280)
    expect(options.minHeight).toBeGreaterThanOrEqual(720)
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth!)
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight!)
    expect(options.title).toMatch(/[а-яё]/i)
  })

  it('trusts its webContents, loads the app:// entry and shows on ready-to-show', () => {
    const trusted = new TrustedContents()
    const window = createMainWindow(
      trusted,
      '/app/out/preload/index.cjs',
    ) as unknown as BrowserWindow
    expect(trusted.has(window.webContents.id)).toBe(true)
    expect(window.loadURL).toHaveBeenCalledWith('app://renderer/index.html')
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledTimes(1)
  })

  it('turns DevTools off in the installed app only', () => {
    app.isPackaged = true
    createMainWindow(new TrustedContents(), '/p.cjs')
    app.isPackaged = false
    createMainWindow(new TrustedContents(), '/p.cjs')
    const devTools = BrowserWindow.instances.map(
      (w) => (w.options as ReturnType<typeof mainWindowOptions>).webPreferences!.devTools,
    )
    expect(devTools).toEqual([false, true])
  })
})
