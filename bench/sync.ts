/**
 * `npm run bench -- sync --accounts N [--months M]`: on loopback, the bootstrap of a new
 * workstation from a server holding N demo accounts (end to end, and the same rows bulk-inserted
 * into SQLite alone as the limit), the push of 5,000 offline commands, and 100 workstations
 * syncing at once (p50/p99 of pull and push).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import { registerAccountSchema } from '../src-shared/accounts/schemas'
import type { DemoOptions } from '../src-shared/demo/types'
import { SYNC_PROTOCOL_VERSION, type PulledRow } from '../src-shared/sync/protocol'
import { registerAccount } from '../src-main/accounts/register-account'
import { executeCommand } from '../src-main/commands/command'
import { openReplica } from '../src-main/db/replica'
import { pushOutbox } from '../src-main/sync/push-outbox'
import { SyncServerClient } from '../src-main/sync/server-client'
import { clientFor, runSync } from '../src-main/sync/sync-run'
import { configureSync } from '../src-main/sync/sync-state'
import { syncedTableNames } from '../src-main/sync/synced-tables'
import { loadServerDemo } from '../src-server/admin/demo'
import { openServerDatabase, type ServerDatabase } from '../src-server/db/connection'
import { queryRow } from '../src-server/db/query'
import { buildServerApp } from '../src-server/http/app'
import { headVersion } from '../src-server/sync/versions'
import { registerWorkstation } from '../src-server/workstations/credentials'
import { accountInput } from '../test/support/temp-app'

const today = '2026-11-20'
const appVersion = '1.0.0'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}
/** Three letters unique to this run: the server database is reused, account numbers must not be. */
const runTag = Array.from({ length: 3 }, (_, i) =>
  String.fromCharCode(65 + (Math.floor(Date.now() / 26 ** i) % 26)),
).join('')
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits

/** The server's database with the demo data, built once per options (PGlite) and reused. */
async function benchServer(dir: string, options: DemoOptions): Promise<ServerDatabase> {
  const marker = join(dir, 'complete.json')
  const wanted = JSON.stringify(options)
  const url = process.env.DATABASE_URL
  const reuse = !url && existsSync(marker) && readFileSync(marker, 'utf8') === wanted
  if (!url && !reuse) rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const database = await openServerDatabase({ databaseUrl: url, dataDir: join(dir, 'pg') })
  const loaded = await queryRow<{ n: number }>(database.db, sql`SELECT count(*) AS n FROM accounts`)
  if (reuse || Number(loaded?.n) > 0) return database
  console.log(`Загружаю сервер: ${options.accounts} л/с, ${options.months} мес.`)
  const started = performance.now()
  let last = 0
  await loadServerDemo(database.db, options, (n) => {
    if (performance.now() - last < 5000) return
    last = performance.now()
    console.log(`  ${n}/${options.accounts}`)
  })
  console.log(`  готово за ${round((performance.now() - started) / 1000)} с`)
  if (!url) writeFileSync(marker, wanted)
  return database
}

/** Plain prepared INSERTs of the pulled rows in one transaction: what SQLite alone can take. */
function rawInsert(dir: string, pages: PulledRow[][]): number {
  rmSync(dir, { recursive: true, force: true })
  const db = openReplica({ file: join(dir, 'replica.sqlite') })
  const sqlite = db.$client
  const columns = new Map<string, Set<string>>()
  for (const t of syncedTableNames) {
    const info = sqlite.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]
    columns.set(t, new Set(info.map((c) => c.name)))
  }
  const statements = new Map<string, ReturnType<typeof sqlite.prepare>>()
  let key = 0
  const started = performance.now()
  let rows = 0
  sqlite.pragma('foreign_keys = OFF')
  sqlite.transaction(() => {
    for (const page of pages) {
      for (const { t, r } of page) {
        const cols = Object.keys(r).filter((c) => columns.get(t)!.has(c))
        if (t === 'accounts') cols.push('search_key')
        const signature = `${t}:${cols.join(',')}`
        let statement = statements.get(signature)
        if (!statement) {
          statement = sqlite.prepare(
            `INSERT OR REPLACE INTO ${t} (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`,
          )
          statements.set(signature, statement)
        }
        statement.run(t === 'accounts' ? { ...r, search_key: ++key } : r)
        rows += 1
      }
    }
  })()
  const seconds = (performance.now() - started) / 1000
  sqlite.close()
  return rows / seconds
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      accounts: { type: 'string', default: '100000' },
      months: { type: 'string', default: '3' },
      workstations: { type: 'string', default: '100' },
    },
  })
  const accounts = Number(values.accounts)
  const options: DemoOptions = { seed: 1, accounts, months: Number(values.months), today }
  const base = join('.bench-data', `sync-${accounts}-${options.months}`)
  const database = await benchServer(join(base, 'server'), options)
  const { db } = database
  const app = buildServerApp({ db })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  try {
    await measure(db, url, accounts, base, database.kind, Number(values.workstations))
  } finally {
    await app.close()
    await database.close()
  }
}

async function measure(
  db: ServerDatabase['db'],
  url: string,
  accounts: number,
  base: string,
  kind: string,
  n: number,
): Promise<void> {
  const office = (await queryRow<{ id: string; branchId: string }>(
    db,
    sql`SELECT id, branch_id AS "branchId" FROM offices ORDER BY id LIMIT 1`,
  ))!
  const register = (name: string) =>
    registerWorkstation(db, { officeId: office.id, name, receiptPrefix: uuidv7().slice(-6) })

  // Bootstrap, end to end: HTTP pages, JSON, SQLite upserts with the cursor, the search index.
  const replicaDir = join(base, 'bootstrap')
  rmSync(replicaDir, { recursive: true, force: true })
  const replica = openReplica({ file: join(replicaDir, 'replica.sqlite') })
  configureSync(replica, { serverUrl: url, ...(await register('Бенчмарк')) })
  let started = performance.now()
  const boot = await runSync(replica, { appVersion, now: () => new Date() })
  const bootSeconds = (performance.now() - started) / 1000
  const bootstrapRate = boot.pulled / bootSeconds
  console.log(`bootstrap: ${boot.pulled} строк за ${round(bootSeconds)} с`)

  // The same rows fetched first, then only inserted: the limit of the SQLite side.
  const client = clientFor(replica, appVersion)!
  const pages: PulledRow[][] = []
  const fetchStarted = performance.now()
  for (let cursor = { branch: 0, global: 0 }; ;) {
    const page = await client.pull({ cursor })
    pages.push(page.rows)
    cursor = page.cursor
    if (!page.more) break
  }
  console.log(`  из них HTTP и сервер: ${round((performance.now() - fetchStarted) / 1000)} с`)
  const rawRate = rawInsert(join(base, 'raw'), pages)
  pages.length = 0

  // 5,000 commands made offline, then pushed.
  const supplier = (await queryRow<{ supplierId: string; service: string }>(
    db,
    sql`SELECT supplier_id AS "supplierId", service FROM account_services LIMIT 1`,
  ))!
  const input = registerAccountSchema.parse(
    accountInput({
      officeId: office.id,
      services: [{ service: supplier.service as 'electricity', supplierId: supplier.supplierId }],
    }),
  )
  for (let i = 0; i < 5000; i++) {
    executeCommand(
      replica,
      registerAccount,
      { ...input, number: `${runTag}1${String(i).padStart(8, '0')}` },
      {
        operatorId: null,
        now: new Date(),
      },
    )
  }
  started = performance.now()
  await pushOutbox(replica, client, () => new Date())
  const pushSeconds = (performance.now() - started) / 1000
  replica.$client.close()

  // Many workstations at once: each pushes one command and pulls what is new, five rounds.
  const versions = { protocol: SYNC_PROTOCOL_VERSION, schema: 0, app: appVersion }
  const head = {
    branch: await headVersion(db, office.branchId),
    global: await headVersion(db, null),
  }
  const stations = await Promise.all(
    Array.from({ length: n }, async (_, i) => ({
      client: new SyncServerClient({ serverUrl: url, ...(await register(`Окно ${i}`)) }, versions),
      deviceId: uuidv7(),
      cursor: head,
      seq: 0,
    })),
  )
  const pullMs: number[] = []
  const pushMs: number[] = []
  for (let round = 0; round < 5; round++) {
    await Promise.all(
      stations.map(async (s, i) => {
        s.seq += 1
        const accountId = uuidv7()
        let t = performance.now()
        await s.client.push(s.deviceId, [
          {
            id: uuidv7(),
            seq: s.seq,
            name: 'account.register',
            argsVersion: 1,
            args: {
              ...input,
              number: `${runTag}2${String(round * n + i).padStart(8, '0')}`,
              accountId,
              customerId: uuidv7(),
            },
            operatorId: null,
            at: new Date().toISOString(),
          },
        ])
        pushMs.push(performance.now() - t)
        t = performance.now()
        const page = await s.client.pull({ cursor: s.cursor, limit: 1000 })
        s.cursor = page.cursor
        pullMs.push(performance.now() - t)
      }),
    )
  }
  pullMs.sort((a, b) => a - b)
  pushMs.sort((a, b) => a - b)
  console.log(
    `${n} рабочих мест: pull p50 ${round(percentile(pullMs, 50))} мс, push p50 ${round(percentile(pushMs, 50))} мс`,
  )
  console.log(
    JSON.stringify({
      bench: 'sync',
      accounts,
      bootstrap_rows: boot.pulled,
      bootstrap_rows_per_s: Math.round(bootstrapRate),
      raw_insert_rows_per_s: Math.round(rawRate),
      push_5000_s: round(pushSeconds, 2),
      concurrent100_pull_p50_ms: round(percentile(pullMs, 50)),
      concurrent100_pull_p99_ms: round(percentile(pullMs, 99)),
      concurrent100_push_p50_ms: round(percentile(pushMs, 50)),
      concurrent100_push_p99_ms: round(percentile(pushMs, 99)),
      server: kind,
    }),
  )
}
