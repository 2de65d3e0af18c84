/**
 * `npm run bench -- billing --accounts N [--months M] [--pglite-accounts K]`: the period close of
 * one month on a server holding N demo accounts. PostgreSQL (DATABASE_URL) runs as in production,
 * fsync and synchronous_commit on (turned on when the cluster came up without them); the loaded
 * data is kept as a template database, each run bills a fresh copy of it. PGlite bills K accounts
 * (10,000 at most by default: the embedded database is not where a million accounts live). Ends
 * with one JSON line.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { loadServerDemoShown, settle } from './server-demo'
import { runBilling, type BillingPhases } from '../src-server/billing/run'
import { openServerDatabase, type ServerDatabase } from '../src-server/db/connection'
import { queryRow } from '../src-server/db/query'
import type { DemoOptions } from '../src-demo/types'
import { benchCounts } from './options'

// The demo's history runs to this day; its month is the one billed.
const today = '2026-11-20'
const period = '2026-11'

interface Figure {
  bench: 'billing'
  database: 'postgresql' | 'pglite'
  accounts: number
  seconds: number
  accounts_per_s: number
  charge_lines: number
}

async function load(database: ServerDatabase, options: DemoOptions): Promise<void> {
  console.log(`Загружаю ${options.accounts} л/с за ${options.months} мес.`)
  const seconds = await loadServerDemoShown(database.db, options, 10_000)
  console.log(`  за ${Math.round(seconds)} с`)
}

async function bill(database: ServerDatabase): Promise<Figure> {
  const started = performance.now()
  const phases: BillingPhases = { read: 0, compute: 0, write: 0 }
  const cpu = process.cpuUsage()
  const [result] = await runBilling(database.db, { period, phases })
  const seconds = (performance.now() - started) / 1000
  // This process's own CPU: the rest of a CPU-bound run is the database's (on PGlite, in here too).
  const used = process.cpuUsage(cpu)
  const nodeCpu = (used.user + used.system) / 1000
  // Batches overlap: each phase's sum over them, beside the wall time.
  const s = (ms: number) => (ms / 1000).toFixed(1)
  console.log(
    `${database.kind}: ${s(seconds * 1000)} с всего; по пакетам: чтение ${s(phases.read)} с, расчет ${s(phases.compute)} с, запись ${s(phases.write)} с; процессор Node ${s(nodeCpu)} с`,
  )
  if (!result || result.status !== 'closed') throw new Error('the period was not closed')
  return {
    bench: 'billing',
    database: database.kind === 'postgres' ? 'postgresql' : 'pglite',
    accounts: result.accounts,
    seconds: Math.round(seconds * 100) / 100,
    accounts_per_s: Math.round(result.accounts / seconds),
    charge_lines: result.chargeLines + result.penaltyLines,
  }
}

async function admin(url: string, statements: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const out: string[] = []
  try {
    for (const s of statements) {
      const r = await client.query(s)
      out.push(JSON.stringify(r.rows[0] ?? null))
    }
  } finally {
    await client.end()
  }
  return out
}

async function onPostgres(url: string, options: DemoOptions): Promise<Figure> {
  const template = `energo_bench_billing_${options.accounts}_${options.months}`
  const runName = 'energo_bench_billing_run'
  const at = (name: string) => {
    const u = new URL(url)
    u.pathname = `/${name}`
    return u.toString()
  }
  const [exists] = await admin(url, [
    `SELECT count(*)::int AS n FROM pg_database WHERE datname = '${template}'`,
  ])
  if (JSON.parse(exists!).n === 0) {
    await admin(url, [`CREATE DATABASE ${template}`])
    const loading = await openServerDatabase({ databaseUrl: at(template) })
    try {
      await load(loading, options)
      // Kept as the template: its copies start vacuumed, analysed and on disk.
      await settle(loading.db)
    } catch (error) {
      await loading.close()
      await admin(url, [`DROP DATABASE ${template}`])
      throw error
    }
    await loading.close()
  }
  // Production durability: every commit waits for the disk.
  await admin(url, [
    'ALTER SYSTEM SET fsync = on',
    'ALTER SYSTEM SET synchronous_commit = on',
    'SELECT pg_reload_conf()',
  ])
  // The reload reaches the server processes a moment later.
  let shown = { fsync: '', synchronous_commit: '' }
  for (let i = 0; i < 50 && shown.fsync !== 'on'; i++) {
    const [fsync, commit] = await admin(url, ['SHOW fsync', 'SHOW synchronous_commit'])
    shown = { ...JSON.parse(fsync!), ...JSON.parse(commit!) }
    if (shown.fsync !== 'on') await new Promise((r) => setTimeout(r, 100))
  }
  console.log(`PostgreSQL: fsync ${shown.fsync}, synchronous_commit ${shown.synchronous_commit}`)
  if (shown.fsync !== 'on') throw new Error('fsync stays off: not the production setting')
  await admin(url, [
    `DROP DATABASE IF EXISTS ${runName} WITH (FORCE)`,
    `CREATE DATABASE ${runName} TEMPLATE ${template}`,
  ])
  // The copy went through the WAL: its checkpoint belongs to the setup, not to the close.
  await admin(url, ['CHECKPOINT']).catch(() =>
    console.log('CHECKPOINT не разрешен этому пользователю: контрольная точка по расписанию'),
  )
  const database = await openServerDatabase({ databaseUrl: at(runName) })
  try {
    return await bill(database)
  } finally {
    await database.close()
    await admin(url, [`DROP DATABASE IF EXISTS ${runName} WITH (FORCE)`])
  }
}

async function onPglite(options: DemoOptions): Promise<Figure> {
  const base = join('.bench-data', `billing-pglite-${options.accounts}-${options.months}`)
  const marker = join(base, 'complete.json')
  const wanted = JSON.stringify(options)
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) {
    rmSync(base, { recursive: true, force: true })
    mkdirSync(base, { recursive: true })
    const loading = await openServerDatabase({ dataDir: join(base, 'pg') })
    await load(loading, options)
    await loading.close()
    writeFileSync(marker, wanted)
  }
  const runDir = join(base, 'run')
  rmSync(runDir, { recursive: true, force: true })
  cpSync(join(base, 'pg'), runDir, { recursive: true })
  const database = await openServerDatabase({ dataDir: runDir })
  try {
    const loaded = await queryRow<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM accounts`,
    )
    if (Number(loaded?.n) === 0) throw new Error('the PGlite copy holds no accounts')
    return await bill(database)
  } finally {
    await database.close()
    rmSync(runDir, { recursive: true, force: true })
  }
}

export async function run(args: string[]): Promise<void> {
  const counts = benchCounts(args, { accounts: 100_000, months: 12, 'pglite-accounts': null })
  const { accounts, months } = counts
  const pgliteAccounts = counts['pglite-accounts'] ?? Math.min(accounts, 10_000)
  // --pglite-accounts 0: PostgreSQL alone (back-to-back timings of the server's close).
  const lite =
    pgliteAccounts > 0 ? await onPglite({ seed: 1, accounts: pgliteAccounts, months, today }) : null
  if (lite)
    console.log(
      `PGlite: ${lite.accounts} л/с за ${lite.seconds} с, ${lite.accounts_per_s} л/с в секунду, ${lite.charge_lines} строк`,
    )
  const url = process.env.DATABASE_URL
  if (!url) {
    if (!lite)
      throw new Error('--pglite-accounts 0 measures PostgreSQL alone: DATABASE_URL is needed')
    console.log('DATABASE_URL не задан: PostgreSQL не измерялся.')
    console.log(JSON.stringify(lite))
    return
  }
  const figure = await onPostgres(url, { seed: 1, accounts, months, today })
  const million = Math.round(1_000_000 / figure.accounts_per_s)
  console.log(`PostgreSQL: 1 000 000 л/с заняли бы около ${million} с при той же скорости.`)
  const { database: _db, ...line } = figure
  console.log(JSON.stringify(line))
}
