import { eq } from 'drizzle-orm'
import { generateDemo } from '../../src-demo/generate'
import { demoOperators } from '../../src-demo/operators'
import type { DemoOptions, DemoReference } from '../../src-demo/types'
import type { Db, Sqlite } from '../db/connection'
import * as t from '../db/schema'
import { hashPassword } from '../../src-node/operators/password'
import { batchesFromWorker, batchesInProcess, type AccountBatch } from './batches'
import { AccountWriter } from './tables'

export { demoOperators }

export interface DemoProgress {
  phase: 'accounts' | 'search'
  done: number
  total: number
}

export interface DemoSummary {
  accounts: number
  customers: number
  meters: number
  readings: number
  charges: number
  payments: number
  paymentLines: number
  /** The workstation this replica now acts as. */
  receiptPrefix: string
  ms: number
}

function insertReference(db: Db, ref: DemoReference): void {
  db.insert(t.branches).values(ref.branch).run()
  db.insert(t.offices).values(ref.offices).run()
  db.insert(t.workstations).values(ref.workstations).run()
  db.insert(t.suppliers).values(ref.suppliers).run()
  db.insert(t.services).values(ref.services).run()
  for (let i = 0; i < ref.tariffs.length; i += 500) {
    db.insert(t.tariffs)
      .values(ref.tariffs.slice(i, i + 500))
      .run()
  }
  db.insert(t.settings).values(ref.settings).run()
  db.insert(t.priceList).values(ref.priceList).run()
  const byLogin = new Map(demoOperators.map((o) => [o.login, o]))
  db.insert(t.operators)
    .values(
      ref.operators.map((o) => ({
        ...o,
        passwordHash: hashPassword(
          (byLogin.get(o.login) as (typeof demoOperators)[number]).password,
        ),
      })),
    )
    .run()
}

interface SavedPragmas {
  journalMode: string
  synchronous: number
  foreignKeys: number
  cacheSize: number
}

/**
 * Bulk-load settings: no fsync and the rollback journal in memory (an interrupted load leaves a
 * file to delete, not data to keep); foreign keys off, since the generator makes them consistent.
 */
function enterBulkMode(sqlite: Sqlite): SavedPragmas {
  const saved = {
    journalMode: sqlite.pragma('journal_mode', { simple: true }) as string,
    synchronous: sqlite.pragma('synchronous', { simple: true }) as number,
    foreignKeys: sqlite.pragma('foreign_keys', { simple: true }) as number,
    cacheSize: sqlite.pragma('cache_size', { simple: true }) as number,
  }
  sqlite.pragma('journal_mode = MEMORY')
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('foreign_keys = OFF')
  sqlite.pragma('cache_size = -262144')
  return saved
}

function leaveBulkMode(sqlite: Sqlite, saved: SavedPragmas): void {
  sqlite.pragma(`journal_mode = ${saved.journalMode}`)
  sqlite.pragma(`synchronous = ${saved.synchronous}`)
  sqlite.pragma(`foreign_keys = ${saved.foreignKeys}`)
  sqlite.pragma(`cache_size = ${saved.cacheSize}`)
}

function countAccounts(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n
}

export interface LoadOptions {
  onProgress?: (p: DemoProgress) => void
  /**
   * Generate on a worker thread while this one writes (about a fifth faster on two cores).
   * Needs TypeScript in the worker: fine under tsx, not under vitest.
   */
  worker?: boolean
}

/**
 * Fills an empty replica with a generated branch: reference data, operators (see demoOperators),
 * accounts with their history and their search index entries (written with each account, in the
 * same pass, instead of a rebuild that reads everything back); and makes this replica the first
 * office's workstation, its receipt counter past the demo receipts.
 * The third argument may be just the progress callback.
 */
export function loadDemoData(
  db: Db,
  options: DemoOptions,
  progressOrOptions?: ((p: DemoProgress) => void) | LoadOptions,
): DemoSummary {
  const load: LoadOptions =
    typeof progressOrOptions === 'function'
      ? { onProgress: progressOrOptions }
      : (progressOrOptions ?? {})
  const started = performance.now()
  const sqlite = db.$client
  if (countAccounts(sqlite) > 0) {
    throw new Error('The replica already has accounts: demo data goes into an empty one.')
  }
  const first = generateDemo(options).next()
  if (first.done || first.value.kind !== 'reference')
    throw new Error('the generator starts with reference data')
  const ref = first.value.reference
  const saved = enterBulkMode(sqlite)
  try {
    sqlite.transaction(() => insertReference(db, ref))()
    const writer = new AccountWriter(sqlite)
    const write = sqlite.transaction((b: AccountBatch) => writer.write(b.rows))
    let done = 0
    for (const batch of load.worker ? batchesFromWorker(options) : batchesInProcess(options)) {
      write(batch)
      done += batch.accounts
      load.onProgress?.({ phase: 'accounts', done, total: options.accounts })
    }

    // FTS5 keeps many small segments after a bulk insert; merging them makes queries faster.
    load.onProgress?.({ phase: 'search', done: 0, total: done })
    sqlite.prepare("INSERT INTO account_search (account_search) VALUES ('optimize')").run()
    load.onProgress?.({ phase: 'search', done, total: done })

    // This replica becomes the first office's workstation; its next receipt follows the demo ones.
    const workstation = ref.workstations[0] as DemoReference['workstations'][number]
    db.update(t.deviceState)
      .set({
        workstationId: workstation.id,
        receiptPrefix: workstation.receiptPrefix,
        lastReceiptNumber: writer.receipts.get(workstation.receiptPrefix) ?? 0,
      })
      .where(eq(t.deviceState.id, 1))
      .run()

    return {
      accounts: writer.count('accounts'),
      customers: writer.count('customers'),
      meters: writer.count('meters'),
      readings: writer.count('readings'),
      charges: writer.count('charges'),
      payments: writer.count('payments'),
      paymentLines: writer.count('payment_lines'),
      receiptPrefix: workstation.receiptPrefix,
      ms: Math.round(performance.now() - started),
    }
  } finally {
    leaveBulkMode(sqlite, saved)
  }
}
