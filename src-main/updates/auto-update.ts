import { feedUrl } from '../../src-shared/updates/feed'
import type { Db } from '../db/connection'
import { openShiftOf } from '../shifts/shifts'
import { readSyncState } from '../sync/sync-state'
import { currentDevice } from '../workstation/device'
import type { ReleaseInfo, UpdateState } from './update-state'

/** The part of electron-updater's AppUpdater used here. */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  disableDifferentialDownload: boolean
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
  on(
    event: 'update-available' | 'update-not-available' | 'update-downloaded',
    listener: (info: ReleaseInfo) => void,
  ): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export const updateCheckIntervalMs = 4 * 60 * 60 * 1000
/** How often the shift and the sync state are looked at. */
export const updateWatchIntervalMs = 60 * 1000
/** A workstation the server refuses to sync asks for its update again this soon. */
const updateRequiredRecheckMs = 5 * 60 * 1000

export interface AutoUpdateOptions {
  updater: Updater
  db: Db
  state: UpdateState
  now?: () => Date
  checkEveryMs?: number
  watchEveryMs?: number
}

export interface AutoUpdates {
  /** Asks the central server's feed; downloads in the background when it offers more. */
  check(): Promise<void>
  /** One look at the shift and the sync state; the watch timer calls it. */
  watch(): void
  /** At quit: the downloaded update installs only when no cash shift is open. */
  beforeQuit(): void
  stop(): void
}

/**
 * Updates from the workstation's own central server (the sync address). A release downloads in
 * the background and installs only with no cash shift open on this workstation, never in the
 * middle of a payment: when the app quits, or as soon as the open shift is closed.
 */
export function startAutoUpdates(options: AutoUpdateOptions): AutoUpdates {
  const { updater, db, state } = options
  const now = options.now ?? (() => new Date())
  updater.autoDownload = true
  // Nothing to install yet; then decided by the shift (watch, beforeQuit).
  updater.autoInstallOnAppQuit = false
  // The server serves whole files; no block maps.
  updater.disableDifferentialDownload = true

  let feed: string | null = null
  let lastCheckMs = 0
  let shiftSeenOpen = false
  let installing = false
  let stopped = false

  const shiftOpen = (): boolean => {
    try {
      return openShiftOf(db, currentDevice(db).workstationId, now()) !== null
    } catch (error) {
      // Unknown counts as open: an update never lands on an uncertain till.
      console.error('[updater] shift', error)
      return true
    }
  }

  // The feed answered: that is a check, whatever comes of the download.
  updater.on('update-available', (info) => {
    state.checked(now())
    state.offer(info)
  })
  updater.on('update-not-available', () => {
    state.checked(now())
    state.offer(null)
  })
  updater.on('update-downloaded', (info) => {
    state.downloaded(info)
    // Installs after a shift that is open from now on closes; otherwise at quit.
    shiftSeenOpen = false
    // electron-updater registers its install-at-quit handler right after this event, and only
    // while this is true; whether it installs is decided again at quit (watch, beforeQuit).
    updater.autoInstallOnAppQuit = true
    setImmediate(watch)
  })
  // Without an 'error' listener an EventEmitter error would throw in the main process.
  updater.on('error', (error) => {
    console.error('[updater]', error)
    state.failed(error)
  })

  const check = async (): Promise<void> => {
    if (installing || stopped) return
    try {
      const sync = readSyncState(db)
      state.server = sync?.serverUrl ?? null
      // Not registered with a server yet: there is no feed to ask.
      if (!sync) return
      const url = feedUrl(sync.serverUrl, state.channel, state.appVersion)
      if (url !== feed) {
        updater.setFeedURL({ provider: 'generic', url })
        feed = url
      }
      lastCheckMs = now().getTime()
      const result = await updater.checkForUpdates()
      // A failed download (say, a file that does not match the feed's SHA-512) is reported by the
      // 'error' event; its promise must not surface as an unhandled rejection too.
      result?.downloadPromise?.catch(() => undefined)
    } catch (error) {
      console.error('[updater] check', error)
      state.failed(error)
    }
  }

  const install = (): void => {
    installing = true
    updater.quitAndInstall(true, true)
  }

  const watch = (): void => {
    if (installing || stopped) return
    try {
      const open = shiftOpen()
      state.waitingForShift = state.ready && open
      if (state.ready) updater.autoInstallOnAppQuit = !open
      if (open) shiftSeenOpen = true
      else if (state.ready && shiftSeenOpen) return install()
      const sync = readSyncState(db)
      const due = now().getTime() - lastCheckMs >= updateRequiredRecheckMs
      if (sync?.updateRequired && !state.ready && due) void check()
    } catch (error) {
      console.error('[updater] watch', error)
    }
  }

  const beforeQuit = (): void => {
    if (state.ready) updater.autoInstallOnAppQuit = !shiftOpen()
  }

  void check()
  const checkTimer = setInterval(() => void check(), options.checkEveryMs ?? updateCheckIntervalMs)
  const watchTimer = setInterval(watch, options.watchEveryMs ?? updateWatchIntervalMs)
  return {
    check,
    watch,
    beforeQuit,
    stop: () => {
      stopped = true
      clearInterval(checkTimer)
      clearInterval(watchTimer)
    },
  }
}
