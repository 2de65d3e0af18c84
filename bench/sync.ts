/**
 * `npm run bench -- sync --accounts N [--months M]`: on loopback, against the server in its own
 * process (bench/sync-server.ts), the bootstrap of a new
 * workstation from a server holding N demo accounts (end to end, and the same rows bulk-inserted
 * into SQLite alone as the limit), the push of 5,000 offline commands, and 100 workstations
 * syncing at once from a process of their own (p50/p99 of pull and push over ten rounds, after
 * one round of warm-up).
 */
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { registerAccountSchema } from '../src-shared/accounts/schemas'
import type { DemoOptions } from '../src-demo/types'
import type { PulledTable } from '../src-shared/sync/protocol'
import { registerAccount } from '../src-main/accounts/register-account'
import { executeCommand } from '../src-main/commands/command'
import { openReplica } from '../src-main/db/replica'
import { pushOutbox } from '../src-main/sync/push-outbox'
import { clientFor, runSync } from '../src-main/sync/sync-run'
import { configureSync, readSyncState } from '../src-main/sync/sync-state'
import { replicaKeyOf } from '../src-main/db/replica-key'
import { SyncThread } from '../src-main/sync/sync-thread'
import { syncedTableNames } from '../src-node/sync/synced-tables'
import { accountInput } from '../test/support/temp-app'
import type { BenchServerReady } from './sync-server'
import type { StationsTask, StationsTimes } from './sync-stations'
import { benchCounts } from './options'

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

/**
 * Runs a bench script in its own Node process and waits for its line starting with `marker`
 * (its other lines are echoed); stdin closing tells it to stop.
 */
async function runScript<T>(file: string, args: string[], marker: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout })
  const answer = await new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)))
    lines.on('line', (line) => {
      if (line.startsWith(`${marker} `)) resolve(JSON.parse(line.slice(marker.length + 1)) as T)
      else console.log(line)
    })
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.stdin.end()
    })
  return { answer, stop }
}

/** Plain prepared INSERTs of the pulled rows in one transaction: what SQLite alone can take. */
function rawInsert(dir: string, pages: PulledTable[][]): number {
  rmSync(dir, { recursive: true, force: true })
  const db = openReplica({ file: join(dir, 'replica.sqlite') })
  const sqlite = db.$client
  const columns = new Map<string, Set<string>>()
  for (const t of syncedTableNames) {
    const info = sqlite.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]
    columns.set(t, new Set(info.map((c) => c.name)))
  }
  let key = 0
  const started = performance.now()
  let rows = 0
  sqlite.pragma('foreign_keys = OFF')
  sqlite.transaction(() => {
    for (const page of pages) {
      for (const { table: t, columns: c, rows: values } of page) {
        const picks = c.flatMap((name, i) => (columns.get(t)!.has(name) ? [i] : []))
        const cols = picks.map((i) => c[i]!)
        if (t === 'accounts') cols.push('search_key')
        const statement = sqlite.prepare(
          `INSERT OR REPLACE INTO ${t} (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`,
        )
        for (const row of values) {
          const bound = picks.map((i) => row[i])
          if (t === 'accounts') bound.push(++key)
          statement.run(bound)
          rows += 1
        }
      }
    }
  })()
  const seconds = (performance.now() - started) / 1000
  sqlite.close()
  return rows / seconds
}

export async function run(args: string[]): Promise<void> {
  const { accounts, months, workstations } = benchCounts(args, {
    accounts: 100_000,
    months: 3,
    workstations: 100,
  })
  const options: DemoOptions = { seed: 1, accounts, months, today }
  const base = join('.bench-data', `sync-${accounts}-${options.months}`)
  const server = await runScript<BenchServerReady>(
    'bench/sync-server.ts',
    [
      '--dir',
      join(base, 'server'),
      '--options',
      JSON.stringify(options),
      '--workstations',
      String(workstations),
    ],
    'READY',
  )
  try {
    await measure(server.answer, accounts, base)
  } finally {
    await server.stop()
  }
}

async function measure(server: BenchServerReady, accounts: number, base: string): Promise<void> {
  const { url } = server
  const [own, ...others] = server.workstations

  // Bootstrap, end to end as the app runs it: on the sync thread, HTTP pages, JSON, SQLite
  // upserts with the cursor, the search index. This thread (the app's main) only waits.
  const replicaDir = join(base, 'bootstrap')
  rmSync(replicaDir, { recursive: true, force: true })
  const file = join(replicaDir, 'replica.sqlite')
  const replica = openReplica({ file })
  configureSync(replica, { serverUrl: url, workstationId: own!.workstationId, secret: own!.secret })
  const thread = new SyncThread(
    new URL('../src-main/sync/sync-worker.ts', import.meta.url),
    // The sealed secret opens with the replica's key, handed over in memory as the app does.
    { file, appVersion, replicaKey: replicaKeyOf(replica.$client) },
    { onPulled: () => {} },
  )
  const stalls = monitorEventLoopDelay({ resolution: 10 })
  stalls.enable()
  let started = performance.now()
  const boot = await thread.run()
  const bootSeconds = (performance.now() - started) / 1000
  stalls.disable()
  await thread.close()
  const bootstrapRate = boot.pulled / bootSeconds
  const stallMs = stalls.max / 1e6
  console.log(`bootstrap: ${boot.pulled} строк за ${round(bootSeconds)} с`)
  console.log(`  самая долгая задержка главного потока за это время: ${round(stallMs)} мс`)

  // The same rows fetched first, then only inserted: the limit of the SQLite side.
  const client = clientFor(replica, appVersion)!
  const pages: PulledTable[][] = []
  const fetchStarted = performance.now()
  for (let cursor = { branch: 0, global: 0 }; ;) {
    const page = await client.pull({ cursor })
    pages.push(page.tables)
    cursor = page.cursor
    if (!page.more) break
  }
  console.log(
    `  те же страницы только загрузкой (HTTP, сервер, разбор JSON): ${round((performance.now() - fetchStarted) / 1000)} с`,
  )
  const rawRate = rawInsert(join(base, 'raw'), pages)
  pages.length = 0

  // 5,000 commands made offline, then pushed.
  const supplier = replica.$client
    .prepare('SELECT supplier_id AS supplierId, service FROM account_services LIMIT 1')
    .get() as { supplierId: string; service: 'electricity' }
  const input = registerAccountSchema.parse(
    accountInput({ officeId: server.officeId, services: [supplier] }),
  )
  for (let i = 0; i < 5000; i++) {
    executeCommand(
      replica,
      registerAccount,
      { ...input, number: `${runTag}1${String(i).padStart(8, '0')}` },
      { operatorId: server.operatorId, now: new Date() },
    )
  }
  started = performance.now()
  await pushOutbox(replica, client, () => new Date())
  const pushSeconds = (performance.now() - started) / 1000
  // Catch up, so the stations below start at the head as a synced workstation would.
  await runSync(replica, { appVersion, now: () => new Date() })
  const state = readSyncState(replica)!
  replica.$client.close()

  // Many workstations at once, from a process of their own (bench/sync-stations.ts).
  const task: StationsTask = {
    url,
    appVersion,
    workstations: others,
    cursor: { branch: state.cursorBranch, global: state.cursorGlobal },
    account: input,
    operatorId: server.operatorId,
    numberPrefix: `${runTag}2`,
    rounds: 10,
  }
  const stations = await runScript<StationsTimes>(
    'bench/sync-stations.ts',
    ['--task', JSON.stringify(task)],
    'TIMES',
  )
  const { pullMs, pushMs } = stations.answer
  await stations.stop()
  const n = others.length
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
      bootstrap_main_thread_max_stall_ms: round(stallMs),
      raw_insert_rows_per_s: Math.round(rawRate),
      push_5000_s: round(pushSeconds, 2),
      concurrent100_pull_p50_ms: round(percentile(pullMs, 50)),
      concurrent100_pull_p99_ms: round(percentile(pullMs, 99)),
      concurrent100_push_p50_ms: round(percentile(pushMs, 50)),
      concurrent100_push_p99_ms: round(percentile(pushMs, 99)),
      server: server.kind,
    }),
  )
}
