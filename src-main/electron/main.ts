import { app, dialog, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { createApp, type App } from '../app/create-app'
import { registerIpcHandlers } from './ipc'
import { saveDialogDestination } from './export-dialog'
import { keychainProtector } from './keychain'
import { electronPrinter } from './printer'
import { registerAppProtocol, registerAppScheme } from './protocol'
import { installSecurityHandlers } from './security'
import { startupErrorText } from './startup-error'
import { TrustedContents } from './trusted-contents'
import { startAutoUpdates } from './updater'
import { createMainWindow, focusWindow } from './window'

/** The installer ships migrations in resources/; a dev run finds the checkout's own. */
function packagedMigrationsFolder(): string | undefined {
  return app.isPackaged ? join(process.resourcesPath, 'migrations') : undefined
}

function openReplica(): App | null {
  // ENERGO_DATA_DIR lets `npm start` open the demo replica and an administrator move the data.
  const dataDir = process.env.ENERGO_DATA_DIR ?? app.getPath('userData')
  try {
    return createApp({
      dataDir,
      appVersion: app.getVersion(),
      migrationsFolder: packagedMigrationsFolder(),
      printer: electronPrinter(join(app.getPath('documents'), 'Энергосбыт')),
      // Built next to this entry (electron.vite.config.ts).
      syncWorker: new URL('./sync-worker.js', import.meta.url),
      exportWorker: new URL('./export-worker.js', import.meta.url),
      billWorker: new URL('./bill-batch-worker.js', import.meta.url),
      exportDestination: saveDialogDestination(),
      keyProtector: keychainProtector(),
    })
  } catch (error) {
    console.error('[startup]', error)
    const { title, content } = startupErrorText(error, dataDir)
    dialog.showErrorBox(title, content)
    return null
  }
}

function boot(): void {
  // Both must happen before 'ready'.
  registerAppScheme()
  app.enableSandbox()

  // One replica, one writer: a second launch only focuses the first one's window.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  let core: App | null = null
  let mainWindow: BrowserWindow | null = null
  const trusted = new TrustedContents()

  app.on('second-instance', () => focusWindow(mainWindow))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => core?.close())

  app
    .whenReady()
    .then(() => {
      core = openReplica()
      if (!core) {
        app.quit()
        return
      }
      installSecurityHandlers()
      registerAppProtocol()
      registerIpcHandlers(core.dispatch, trusted)
      mainWindow = createMainWindow(trusted)
      startAutoUpdates(core)
    })
    .catch((error: unknown) => {
      console.error('[startup]', error)
      app.quit()
    })
}

boot()
