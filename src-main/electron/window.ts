import { app, BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'
import { appEntryUrl } from './origin'
import { preloadFile } from './paths'
import type { TrustedContents } from './trusted-contents'

// The same as the page's <title>, which replaces it once loaded.
export const windowTitle = 'Энергосбыт: рабочее место оператора'

/** Electron's security checklist, as window options; exported so a test can read every flag. */
export function mainWindowOptions(
  preload: string,
  options: { devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    title: windowTitle,
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 720,
    // Shown on 'ready-to-show', so the clerk never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
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
      devTools: options.devTools,
    },
  }
}

/** The clerk's window: trusted for IPC before its page starts loading, then loads the UI. */
export function createMainWindow(trusted: TrustedContents, preload = preloadFile()): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preload, { devTools: !app.isPackaged }))
  trusted.add(window.webContents)
  window.once('ready-to-show', () => window.show())
  window.loadURL(appEntryUrl).catch((error: unknown) => {
    console.error('[window] failed to load the UI', error)
  })
  return window
}

/** A second launch brings the existing window forward instead of opening another replica. */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.focus()
}
