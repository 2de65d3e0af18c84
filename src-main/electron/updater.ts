import { app, session } from 'electron'
import electronUpdater from 'electron-updater'
import type { App } from '../app/create-app'
import {
  startAutoUpdates as startUpdates,
  type AutoUpdates,
  type Updater,
} from '../updates/auto-update'
import { isPinnedFeedCertificate } from '../updates/pinned-feed'

export type { Updater } from '../updates/auto-update'

/**
 * Only installed builds update themselves; a dev run has no update feed. The autoUpdater
 * getter builds a platform updater, so it is read only when packaged. A failure to start is
 * logged and never stops the app.
 */
export function startAutoUpdates(core: App, updater?: Updater): AutoUpdates | null {
  if (!app.isPackaged) return null
  try {
    // electron-updater's own session (its NET_SESSION_NAME): https to the pinned certificate only.
    // 0 takes the certificate, -2 refuses it (Chromium's net error codes).
    session
      .fromPartition('electron-updater', { cache: false })
      .setCertificateVerifyProc((request, callback) =>
        callback(isPinnedFeedCertificate(core.services.db, request.certificate.data) ? 0 : -2),
      )
    const updates = startUpdates({
      updater: updater ?? (electronUpdater.autoUpdater as unknown as Updater),
      db: core.services.db,
      state: core.services.updates,
    })
    core.services.updates.enabled = true
    app.on('before-quit', () => updates.beforeQuit())
    return updates
  } catch (error) {
    console.error('[updater] not started', error)
    return null
  }
}
