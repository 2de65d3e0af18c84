/**
 * `npm run bench -- bills --accounts N`: one period's bills for N accounts of a demo replica
 * rendered to PDF by the batch printer with Chromium already started, the main event loop's
 * longest stall measured the whole time. The bare limit beside it: the same printer saving as
 * many one-line pages, in jobs of the same size, as many at once.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'
import { dueDateOf } from '../src-shared/billing/penalties'
import { billingLawOf } from '../src-shared/billing/law-rows'
import { lawSettingRows } from '../src-shared/billing/law-history'
import { printBillBatch } from '../src-main/documents/bill-batch'
import type { Printer } from '../src-main/documents/printer'
import { renderBillBatchHtml } from '../src-shared/documents/bill-html'
import { chromiumPdfPrinter } from '../src-main/webhost/chromium-pdf-printer'
import { benchReplicaCopy } from './replica-cache'
import { ratio } from './timings'
import { benchCounts } from './options'

const today = '2026-11-20'
/** The batch thread from source through tsx, as the web dev host runs it (its start counts). */
const worker = new URL('../src-main/documents/bill-batch-worker.ts', import.meta.url)

export async function run(args: string[]): Promise<void> {
  const counts = benchCounts(args, { accounts: 1000, months: 12, 'per-job': 50 })
  const { accounts, months } = counts
  const { db } = benchReplicaCopy(join('.bench-data', `replica-${accounts}-${months}`), {
    seed: 1,
    accounts,
    months,
    today,
  })
  // The period close on the central server writes the bills' headers; here, for the latest
  // charged period of every account, as it would.
  const period = db.$client.prepare('SELECT max(period) FROM charges').pluck().get() as string
  const due = dueDateOf(period, billingLawOf(lawSettingRows()).dueDays)
  db.$client
    .prepare(
      `INSERT INTO bills (id, account_id, period, document_number, opening_balance, charged,
                          penalties, paid, closing_balance, due_date, created_at)
       SELECT 'bench-' || id, id, @period, number || '-' || replace(@period, '-', ''), 0, 0, 0, 0, 0,
              @due, @now FROM accounts`,
    )
    .run({ period, due, now: new Date().toISOString() })
  const ids = db.$client
    .prepare('SELECT id FROM accounts ORDER BY search_key LIMIT ?')
    .pluck()
    .all(accounts) as string[]

  const folder = mkdtempSync(join(tmpdir(), 'bench-bills-'))
  const printer = chromiumPdfPrinter(folder)
  try {
    // The browser already started, as in the app: a first one-bill job warms it up.
    await printBillBatch(db, printer, {
      period,
      accountIds: ids.slice(0, 1),
      timeZone: 'Europe/Moscow',
      printer: '',
      worker,
    })
    const loop = monitorEventLoopDelay({ resolution: 5 })
    loop.enable()
    // What names a stall: a garbage collection as long (this observer sees the main thread's
    // heap only, not the batch thread's), or the main thread's own work (its CPU time), or else
    // other processes holding the CPU.
    let maxGc = 0
    const gc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) maxGc = Math.max(maxGc, entry.duration)
    })
    gc.observe({ entryTypes: ['gc'] })
    const stalls = watchStalls()
    const cpu = process.threadCpuUsage()
    const processCpu = process.cpuUsage()
    const started = performance.now()
    const result = await printBillBatch(db, printer, {
      period,
      accountIds: ids,
      timeZone: 'Europe/Moscow',
      printer: '',
      perJob: counts['per-job'],
      worker,
    })
    const seconds = (performance.now() - started) / 1000
    const mainCpu = process.threadCpuUsage(cpu)
    // The rest of this process: the batch thread, and V8's and libuv's helper threads.
    const allCpu = process.cpuUsage(processCpu)
    loop.disable()
    gc.disconnect()
    const longest = stalls.stop()
    const bare = await bareLimit(printer, result.bills, counts['per-job'])
    // What each long stall was: this thread's own work, waiting for a CPU (other processes held
    // both), or neither (blocked, or a pause of the whole machine).
    for (const s of longest)
      console.log(
        `задержка ${s.ms.toFixed(1)} мс на ${(s.at / 1000).toFixed(2)} с: работа потока ${s.cpuMs.toFixed(1)} мс, ожидание процессора ${s.waitMs.toFixed(1)} мс`,
      )
    console.log(
      JSON.stringify({
        bench: 'bills',
        bills: result.bills,
        seconds: Math.round(seconds * 100) / 100,
        bills_per_s: Math.round((result.bills / seconds) * 10) / 10,
        max_stall_ms: Math.round(loop.max / 1e5) / 10,
        max_gc_ms: Math.round(maxGc * 10) / 10,
        main_cpu_s: Math.round((mainCpu.user + mainCpu.system) / 1e4) / 100,
        other_threads_cpu_s:
          Math.round((allCpu.user + allCpu.system - mainCpu.user - mainCpu.system) / 1e4) / 100,
        bare_seconds: Math.round(bare * 100) / 100,
        ratio: ratio(seconds, bare),
      }),
    )
  } finally {
    await printer.close()
    db.$client.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

interface Stall {
  /** Milliseconds from the start of the watch. */
  at: number
  ms: number
  /** This thread's CPU time in the stall. */
  cpuMs: number
  /** Its time ready to run but waiting for a CPU (Linux's schedstat; 0 elsewhere). */
  waitMs: number
}

/** The main loop's five longest stalls over 20 ms, ticking every 2 ms. */
function watchStalls(): { stop: () => Stall[] } {
  const found: Stall[] = []
  const started = performance.now()
  let last = started
  let lastCpu = process.threadCpuUsage()
  const waited = () => {
    try {
      return (
        Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6
      )
    } catch {
      return 0
    }
  }
  let lastWait = waited()
  const timer = setInterval(() => {
    const now = performance.now()
    const cpu = process.threadCpuUsage()
    const wait = waited()
    if (now - last > 20) {
      const cpuMs = (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1000
      found.push({ at: last - started, ms: now - last, cpuMs, waitMs: wait - lastWait })
    }
    last = now
    lastCpu = cpu
    lastWait = wait
  }, 2)
  return {
    stop: () => {
      clearInterval(timer)
      return found.sort((a, b) => b.ms - a.ms).slice(0, 5)
    },
  }
}

/** Seconds the printer takes for `pages` one-line pages in jobs of `perJob`, as many at once. */
async function bareLimit(printer: Printer, pages: number, perJob: number): Promise<number> {
  const started = performance.now()
  const jobs: Promise<unknown>[] = []
  for (let i = 0; i < pages; i += perJob) {
    const articles = Array.from(
      { length: Math.min(perJob, pages - i) },
      (_, k) => `<article class="bill"><p>Страница ${i + k + 1}</p></article>`,
    )
    jobs.push(
      printer.print({
        html: renderBillBatchHtml('Пустые страницы', articles),
        name: `bare_${i + 1}`,
        layout: 'a4',
        printer: '',
      }),
    )
  }
  await Promise.all(jobs)
  return (performance.now() - started) / 1000
}
