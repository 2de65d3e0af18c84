import { join } from 'node:path'
import { officeDate } from '../../src-shared/dates'
import { createDispatch, type Dispatch } from '../api/dispatch'
import { handlers } from '../api/handlers'
import type { AppServices } from '../api/services'
import type { Db } from '../db/connection'
import type { Printer } from '../documents/printer'
import { openReplica } from '../db/replica'
import { operatorSessionLink } from '../operators/online-session'
import { SessionStore } from '../operators/sessions'
import { onCommandCommitted } from '../commands/command'
import { readSetting } from '../settings/settings'
import { SyncLoop } from '../sync/sync-loop'
import { runSync } from '../sync/sync-run'
import { SyncThread } from '../sync/sync-thread'
import { readSyncState, sealPlainSecret } from '../sync/sync-state'
import { replicaKeyOf, type KeyProtector } from '../db/replica-key'
import { downloadFolder, type ExportDestination } from '../reports/export-destination'
import { ReportExports } from '../reports/report-exports'
import { writeAudit, workstationActor } from '../audit/audit-log'
import { purgeOlderThan } from '../files/retention'

import { configuredChannel, UpdateState } from '../updates/update-state'

export interface AppOptions {
  /** Folder of the replica (replica.sqlite) and its backups. */
  dataDir: string
  appVersion: string
  clock?: () => Date
  migrationsFolder?: string
  /** Where documents go: Electron's printer, or PDFs through Chromium (web dev host, tests). */
  printer: Printer
  /** Start the background sync when the replica has a server (default true). */
  startSync?: boolean
  /**
   * The sync worker's module (`sync-worker`): syncs then run on their own thread, off the event
   * loop that answers the window. Without it they run on this thread (tests, scripts).
   */
  syncWorker?: URL
  /** The export worker's module (`export-worker`); by default its source, run through tsx. */
  exportWorker?: URL
  /** The bill batch worker's module (`bill-batch-worker`); by default its source, run through tsx. */
  billWorker?: URL
  /** Where exported reports go: Electron's save dialog; by default `<data dir>/exports`. */
  exportDestination?: ExportDestination
  /** Electron's safeStorage for the replica's key file; without it the key file is owner-only. */
  keyProtector?: KeyProtector
}

export interface App {
  services: AppServices
  dispatch: Dispatch
  close(): void
}

/** Where the web dev host keeps exported reports until they are downloaded. */
export function exportsFolder(dataDir: string): string {
  return join(dataDir, 'exports')
}

export function replicaFile(dataDir: string): string {
  return join(dataDir, 'replica.sqlite')
}

const purgeEveryMs = 6 * 60 * 60 * 1000

/**
 * Printed PDFs, exports never downloaded and old backups hold personal data: they go after the
 * dated retention settings (checked at start and every few hours).
 */
function purgeOldFiles(dataDir: string, services: AppServices, printedFolder?: string): void {
  try {
    const now = services.clock()
    const today = officeDate(now, services.timeZone)
    const printedDays = readSetting(services.db, 'printedRetentionDays', today)
    if (printedFolder) purgeOlderThan(printedFolder, printedDays, now, '.pdf')
    purgeOlderThan(exportsFolder(dataDir), printedDays, now, '.xlsx')
    const backupDays = readSetting(services.db, 'backupRetentionDays', today)
    purgeOlderThan(join(dataDir, 'backups'), backupDays, now, '.sqlite')
  } catch (error) {
    console.error('[retention]', error)
  }
}

/** The desktop's services over its replica, and the one dispatch that IPC and HTTP both call. */
export function createApp(options: AppOptions): App {
  const clock = options.clock ?? (() => new Date())
  const db: Db = openReplica({
    file: replicaFile(options.dataDir),
    migrationsFolder: options.migrationsFolder,
    now: clock(),
    keyProtector: options.keyProtector,
  })
  sealPlainSecret(db)
  const timeZone = readSetting(db, 'officeTimeZone', officeDate(clock(), 'Europe/Moscow'))
  const sessions = new SessionStore(() =>
    readSetting(db, 'screenLockMinutes', officeDate(clock(), timeZone)),
  )
  const bootstrap = { pulled: 0, estimated: null }
  const onPulled = (rows: number) => (bootstrap.pulled += rows)
  const operatorSessions = operatorSessionLink(db, sessions, clock)
  const thread = options.syncWorker
    ? new SyncThread(
        options.syncWorker,
        {
          file: replicaFile(options.dataDir),
          appVersion: options.appVersion,
          // The key the main thread opened (the keychain answers only there), in memory only.
          replicaKey: replicaKeyOf(db.$client),
        },
        { onPulled, operatorSessions },
      )
    : null
  const sync = new SyncLoop(() =>
    thread
      ? thread.run()
      : runSync(db, { appVersion: options.appVersion, now: clock, onPulled, operatorSessions }),
  )
  onCommandCommitted(db, () => void sync.wake())
  if (options.startSync !== false && readSyncState(db)) sync.start()
  const reportExports = new ReportExports(
    options.exportWorker ?? new URL('../reports/export-worker.ts', import.meta.url),
    replicaFile(options.dataDir),
    options.exportDestination ?? downloadFolder(exportsFolder(options.dataDir)),
    (request, rows) =>
      writeAudit(db, workstationActor(db, request.operatorId, clock()), {
        action: 'report.export',
        entity: 'report',
        entityId: request.report,
        details: { report: request.report, filters: request.filters, rows, file: request.fileName },
      }),
  )
  const services: AppServices = {
    db,
    sessions,
    clock,
    appVersion: options.appVersion,
    timeZone,
    printer: options.printer,
    billWorker: options.billWorker ?? new URL('../documents/bill-batch-worker.ts', import.meta.url),
    sync,
    bootstrap,
    reportExports,

    updates: new UpdateState(
      options.appVersion,
      configuredChannel(process.env.ENERGO_UPDATE_CHANNEL),
    ),
  }
  const purge = () => purgeOldFiles(options.dataDir, services, options.printer.folder)
  purge()
  const purgeTimer = setInterval(purge, purgeEveryMs)
  purgeTimer.unref()
  return {
    services,
    dispatch: createDispatch(services, handlers),
    close: () => {
      clearInterval(purgeTimer)
      void sync.stop()
      void reportExports.close()
      void thread?.close()
      void options.printer.close()
      db.$client.close()
    },
  }
}
