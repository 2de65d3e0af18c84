/**
 * `npm run bench -- export --rows N`: the payments register (12 columns) of exactly N payment
 * lines exported to .xlsx the way the app does it: on a worker thread, while this (the window's)
 * thread keeps answering. Prints the time, the process's peak memory and the longest stall of
 * this thread's event loop. `--built` runs the built worker (`npm run build`) as the desktop does,
 * without compiling TypeScript on the thread's start.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { reportFiltersSchema, type ExportStatus } from '../src-shared/reports/contract'
import { openReplica } from '../src-main/db/replica'
import { downloadFolder } from '../src-main/reports/export-destination'
import { ReportExports } from '../src-main/reports/report-exports'
import { benchReplica } from './replica-cache'

const today = '2026-11-20'
const timeZone = 'Europe/Moscow'
// The bench's payments fall in December, after the demo's history: the register of December
// holds exactly them.
const month = { from: '2026-12-01', to: '2026-12-31' }
const methods = ['cash', 'card', 'transfer'] as const

/** A copy of a small demo branch with N one-line payments spread over December. */
export function replicaWithPayments(rows: number, dir: string): string {
  const cached = benchReplica(join('.bench-data', 'export-2000'), {
    seed: 1,
    accounts: 2000,
    months: 8,
    today,
  })
  cached.db.$client.pragma('wal_checkpoint(TRUNCATE)')
  cached.db.$client.close()
  const file = join(dir, 'replica.sqlite')
  copyFileSync(cached.file, file)
  const db = openReplica({ file })
  const sqlite = db.$client
  const lines = sqlite
    .prepare(
      `SELECT s.account_id AS accountId, s.supplier_id AS supplierId, s.service, a.office_id AS officeId
         FROM account_services s JOIN accounts a ON a.id = s.account_id`,
    )
    .all() as { accountId: string; supplierId: string; service: string; officeId: string }[]
  const operators = sqlite.prepare('SELECT id FROM operators').pluck().all() as string[]
  const payment = sqlite.prepare(
    `INSERT INTO payments (id, account_id, paid_at, amount, method, channel, receipt_number,
                           office_id, operator_id, created_at)
     VALUES (?, ?, ?, ?, ?, 'office', ?, ?, ?, ?)`,
  )
  const line = sqlite.prepare(
    `INSERT INTO payment_lines (id, payment_id, supplier_id, service, amount) VALUES (?, ?, ?, ?, ?)`,
  )
  const start = Date.parse('2026-12-01T06:00:00Z')
  const span = 30 * 86_400_000
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const l = lines[i % lines.length]!
      const at = new Date(start + Math.floor((i * span) / rows)).toISOString()
      const amount = 10_000 + ((i * 7919) % 500_000)
      payment.run(
        `bench-${i}`,
        l.accountId,
        at,
        amount,
        methods[i % 3],
        `B-${i + 1}`,
        l.officeId,
        operators[i % operators.length],
        at,
      )
      line.run(`bench-line-${i}`, `bench-${i}`, l.supplierId, l.service, amount)
    }
  })()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()
  return file
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: '100000' },
      /** The built worker (`npm run build`), as the desktop runs it, rather than the source. */
      built: { type: 'boolean', default: false },
    },
  })
  const rows = Number(values.rows)
  const dir = mkdtempSync(join(tmpdir(), 'energo-export-bench-'))
  try {
    const file = replicaWithPayments(rows, dir)
    const exports = new ReportExports(
      values.built
        ? new URL('../out/main/export-worker.js', import.meta.url)
        : new URL('../src-main/reports/export-worker.ts', import.meta.url),
      file,
      downloadFolder(join(dir, 'out')),
      () => {},
    )
    // The machine's own noise: the longest stall of an idle second, before the export.
    const idle = monitorEventLoopDelay({ resolution: 5 })
    idle.enable()
    await new Promise((r) => setTimeout(r, 1000))
    idle.disable()
    console.log(`  простой: самая долгая задержка цикла ${(idle.max / 1e6).toFixed(1)} мс`)
    const stalls = monitorEventLoopDelay({ resolution: 5 })
    let peak = process.memoryUsage().rss
    console.log(
      `  до выгрузки: ${Math.round(peak / 1024 / 1024)} МБ (этот поток после подготовки реплики)`,
    )
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
    const started = performance.now()
    stalls.enable()
    let status = (await exports.start({
      report: 'payments',
      filters: reportFiltersSchema.parse(month),
      timeZone,
      today,
      now: new Date().toISOString(),
      fileName: 'bench.xlsx',
      operatorId: 'bench',
    })) as ExportStatus
    // Where in the export the long stalls fall (progress when the late tick came).
    const late: string[] = []
    let tick = performance.now()
    const watch = setInterval(() => {
      const now = performance.now()
      if (now - tick > 60)
        late.push(`${Math.round(now - tick - 10)} мс при ${Math.round(status.progress * 100)} %`)
      tick = now
    }, 10)
    let lastProgress = -1
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 20))
      status = exports.status(status.jobId, 'bench')!
      if (status.progress - lastProgress >= 0.25) {
        lastProgress = status.progress
        console.log(`  ${Math.round(status.progress * 100)} %`)
      }
    }
    const seconds = (performance.now() - started) / 1000
    clearInterval(watch)
    if (late.length > 0) console.log(`  задержки цикла: ${late.join(', ')}`)
    stalls.disable()
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    if (status.state !== 'done' || status.rows !== rows)
      throw new Error(`export ${status.state}: ${status.rows} rows, ${status.error ?? ''}`)
    const xlsx = join(dir, 'out', `${status.download!.split('/')[2]}.xlsx`)
    console.log(`  файл ${(statSync(xlsx).size / 1024 / 1024).toFixed(1)} МБ`)
    await exports.close()
    console.log(
      JSON.stringify({
        bench: 'export',
        rows,
        seconds: Math.round(seconds * 100) / 100,
        peak_rss_mb: Math.round(peak / 1024 / 1024),
        max_stall_ms: Math.round((stalls.max / 1e6) * 10) / 10,
      }),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
