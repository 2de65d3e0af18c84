import {
  PULL_PAGE_LIMIT,
  SYNC_PROTOCOL_VERSION,
  type PullResponse,
  type SyncCursor,
} from '../../src-shared/sync/protocol'
import { rebuildSearchIndexInSteps } from '../accounts/search-index'
import { uploadPendingAttachments } from '../attachments/attachment-sync'
import type { Db } from '../db/connection'
import { applyPulledPage } from './apply-pulled'
import { pushOutbox } from './push-outbox'
import { SyncHttpError, SyncServerClient, type OperatorSessionLink } from './server-client'
import { differingShiftClose } from '../shifts/shift-differences'
import { readSyncState, recordSyncAttempt } from './sync-state'
import { verifyReplica, type VerifyReport } from './verify'
import { verifyDue } from '../../src-shared/sync/verify-schedule'

export interface SyncRunOptions {
  appVersion: string
  now: () => Date
  pushBatch?: number
  pullLimit?: number
  /** Hears the rows of each page stored (the first-run wizard's progress). */
  onPulled?: (rows: number) => void
  /** The logged-in operators: requests carry one's session token; none, workstation only. */
  operatorSessions?: OperatorSessionLink
}

export interface SyncRunReport {
  pushed: number
  pulled: number
  /** The server asks for a newer app: commands still went up, nothing came down. */
  updateRequired: string | null
  /** This run compared the replica with the server (see verifyDue); null: not due or not done. */
  verified: VerifyReport | null
}

/** The replica's schema version: how many migrations it has applied. */
function schemaVersion(db: Db): number {
  const row = db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
    n: number
  }
  return row.n
}

/**
 * The server's client with this workstation's credentials, at its address or at `serverUrl`,
 * speaking for the logged-in operator of `operatorSessions` when given.
 */
export function clientFor(
  db: Db,
  appVersion: string,
  serverUrl?: string,
  operatorSessions?: OperatorSessionLink,
): SyncServerClient | null {
  const state = readSyncState(db)
  if (!state) return null
  return new SyncServerClient(
    { ...state, serverUrl: serverUrl ?? state.serverUrl },
    {
      protocol: SYNC_PROTOCOL_VERSION,
      schema: schemaVersion(db),
      app: appVersion,
    },
    operatorSessions,
  )
}

/**
 * One sync: push the waiting outbox, then pull until the server has nothing newer. Each pulled
 * page lands with its cursor in one transaction, so an interrupted run (or bootstrap) resumes.
 */
export async function runSync(db: Db, options: SyncRunOptions): Promise<SyncRunReport> {
  const client = clientFor(db, options.appVersion, undefined, options.operatorSessions)
  if (!client) throw new Error('sync is not configured')
  const report: SyncRunReport = { pushed: 0, pulled: 0, updateRequired: null, verified: null }
  try {
    // Appeals' files first: their commands in the outbox need them on the server.
    await uploadPendingAttachments(db, client, options.now)
    report.pushed = await pushOutbox(db, client, options.now, options.pushBatch)
    try {
      report.pulled = await pullAll(db, client, options)
    } catch (error) {
      if (!(error instanceof SyncHttpError && error.updateRequired)) throw error
      report.updateRequired = error.message
    }
    db.$client
      .prepare('UPDATE sync_state SET update_required = ? WHERE id = 1')
      .run(report.updateRequired)
    // Once a day, and after the server rejected a command (push clears the mark).
    if (!report.updateRequired && verifyDue(readSyncState(db)!.verifiedAt, options.now())) {
      report.verified = await verifyNow(db, client, options.now)
    }
    forgetOldDone(db, options.now())
    recordSyncAttempt(db, options.now().toISOString(), { ok: true })
    return report
  } catch (error) {
    recordSyncAttempt(db, options.now().toISOString(), { ok: false, error: shownError(error) })
    throw error
  }
}

/**
 * The last error as screens show it: our own Russian messages as they are; anything else (a
 * database error with its SQL and the values it met) only in the program's log.
 */
function shownError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/[а-яё]/i.test(message)) return message
  console.error('[sync]', error)
  const code = (error as { code?: unknown } | null)?.code
  // undici's network failures are TypeErrors ("fetch failed"): only the database's are ours.
  const local =
    (typeof code === 'string' && code.startsWith('SQLITE')) || error instanceof RangeError
  return local
    ? 'Синхронизация не удалась из-за ошибки программы; подробности в журнале программы.'
    : 'Нет связи с центральным сервером; синхронизация повторится.'
}

async function pullAll(db: Db, client: SyncServerClient, options: SyncRunOptions) {
  const limit = options.pullLimit ?? PULL_PAGE_LIMIT
  const state = readSyncState(db)!
  const bootstrapping = state.bootstrappedAt === null
  const fetch = (cursor: SyncCursor) => {
    const page = client.pull({ cursor, limit })
    page.catch(() => {}) // awaited below; never an unhandled rejection if storing fails first
    return page
  }
  const first = fetch({ branch: state.cursorBranch, global: state.cursorGlobal })
  // A first pull's pages (and its search index) wait for no flush to disk each: a power loss can
  // only take back the last pages with their cursor (WAL stays consistent), and they are pulled
  // again. Nothing local is acknowledged before the bootstrap ends, and the commit that ends it
  // is FULL again (finishBootstrap), which flushes everything before it too.
  if (bootstrapping) db.$client.pragma('synchronous = NORMAL')
  try {
    return await pullPages(db, first, fetch, bootstrapping, options)
  } finally {
    if (bootstrapping) db.$client.pragma('synchronous = FULL')
  }
}

async function pullPages(
  db: Db,
  first: Promise<PullResponse>,
  fetch: (cursor: SyncCursor) => Promise<PullResponse>,
  bootstrapping: boolean,
  options: SyncRunOptions,
): Promise<number> {
  let pulled = 0
  let next = first
  for (;;) {
    const page = await next
    // The next page travels while this one is stored: the cursor it asks from is this page's end.
    if (page.more) {
      next = fetch(page.cursor)
      // Let the request leave before the synchronous store below holds the thread.
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    applyPulledPage(db, page.tables, page.cursor, {
      reindex: !bootstrapping,
      now: options.now().toISOString(),
    })
    pulled += page.count
    options.onPulled?.(page.count)
    if (page.more) continue
    if (bootstrapping) await finishBootstrap(db, options.now().toISOString())
    return pulled
  }
}

/**
 * Compares the replica with the server and pulls again the tables that differ. A failure here
 * does not fail the sync (its push and pull went through): verify stays due for the next run.
 */
async function verifyNow(
  db: Db,
  client: SyncServerClient,
  now: () => Date,
): Promise<VerifyReport | null> {
  try {
    const report = await verifyReplica(db, client, now)
    if (report.compared) {
      db.$client
        .prepare('UPDATE sync_state SET verified_at = ? WHERE id = 1')
        .run(now().toISOString())
    }
    return report
  } catch {
    return null
  }
}

const KEEP_DONE_DAYS = 30

/**
 * Done outbox entries are kept 30 days (to look into a dispute), then dropped; rejected ones and
 * closed shifts whose totals the server found different never (supervisors look into those).
 */
function forgetOldDone(db: Db, now: Date): void {
  const before = new Date(now.getTime() - KEEP_DONE_DAYS * 86_400_000).toISOString()
  db.$client
    .prepare(
      `DELETE FROM outbox AS o WHERE o.status = 'done' AND o.done_at < ?
          AND NOT (${differingShiftClose})`,
    )
    .run(before)
}

/** After the first full pull: the search index at once, and the workstation's own identity. */
async function finishBootstrap(db: Db, at: string): Promise<void> {
  // Until it is marked below, a restart builds the index again from the start.
  await rebuildSearchIndexInSteps(db)
  const sqlite = db.$client
  sqlite.pragma('synchronous = FULL')
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `UPDATE device_state SET
           workstation_id = (SELECT w.id FROM workstations w JOIN sync_state s ON s.workstation_id = w.id),
           receipt_prefix = coalesce((SELECT w.receipt_prefix FROM workstations w
                                        JOIN sync_state s ON s.workstation_id = w.id), receipt_prefix)
         WHERE id = 1 AND EXISTS (SELECT 1 FROM workstations w JOIN sync_state s ON s.workstation_id = w.id)`,
      )
      .run()
    // A first pull is as fresh as a verify: the daily one counts from here.
    sqlite
      .prepare('UPDATE sync_state SET bootstrapped_at = ?, verified_at = ? WHERE id = 1')
      .run(at, at)
  })()
}
