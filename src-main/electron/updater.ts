import { app } from 'electron'
import electronUpdater from 'electron-updater'

export const updateCheckIntervalMs = 4 * 60 * 60 * 1000

/** The part of electron-updater's AppUpdater this module uses. */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  on(event: 'error', listener: (error: Error) => void): unknown
  checkForUpdates(): Promise<unknown>
}

/**
 * Downloads updates in the background and installs them when the clerk quits. A failed check
 * (offline office, no update server) is logged and retried later; it never stops the app.
 * Returns a function that stops the periodic checks.
 */
export function wireAutoUpdater(updater: Updater, intervalMs = updateCheckIntervalMs): () => void {
  updater.autoDownload = true
  updater.autoInstallOnAppQuit = true
  // Without an 'error' listener an EventEmitter error would throw in the main process.
  updater.on('error', (error) => console.error('[updater]', error))
  const check = (): void => {
    try {
      updater.checkForUpdates().catch((error: unknown) => console.error('[updater] check', error))
    } catch (error) {
      console.error('[updater] check', error)
    }
  }
  check()
  const timer = setInterval(check, intervalMs)
  return () => clearInterval(timer)
}

/**
 * Only installed builds update themselves; a dev run has no update feed. The autoUpdater
 * getter builds a platform updater, so it is read only when packaged.
 */
export function startAutoUpdates(updater?: Updater): boolean {
  if (!app.isPackaged) return false
  try {
    wireAutoUpdater(updater ?? electronUpdater.autoUpdater)
  } catch (error) {
    console.error('[updater] not started', error)
    return false
  }
  return true
}
