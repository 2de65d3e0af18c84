import type { Db } from '../db/connection'
import type { Printer } from '../documents/printer'
import type { SessionStore } from '../operators/sessions'
import type { ReportExports } from '../reports/report-exports'
import type { SyncLoop } from '../sync/sync-loop'
import type { BootstrapProgress } from '../sync/setup'
import type { UpdateState } from '../updates/update-state'

/** Everything a handler may use; built once per process (Electron main or the web dev host). */
export interface AppServices {
  db: Db
  sessions: SessionStore
  clock: () => Date
  appVersion: string
  /** IANA zone of the office, for calendar dates. */
  timeZone: string
  printer: Printer
  /** The bill batch thread's module (`bill-batch-worker`): a batch's bills are built there. */
  billWorker: URL
  /** The background sync with the central server (idle until configured). */
  sync: SyncLoop
  /** The first pull's progress, for the first-run wizard. */
  bootstrap: BootstrapProgress
  /** Report exports running on worker threads. */
  reportExports: ReportExports

  /** Updates from the central server (the installed app's; disabled elsewhere). */
  updates: UpdateState
}
