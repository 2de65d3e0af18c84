import { mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/** What the bill thread is given: everything to build a batch's pages from its own connection. */
export interface BillThreadData {
  /** The replica file. */
  file: string
  period: string
  timeZone: string
  /** The batch's accounts in print order. */
  accountIds: readonly string[]
  /** Bills per page (one print job each). */
  perJob: number
  /** The pages' title. */
  title: string
  /** Where the pages are written, the owner's alone. */
  folder: string
}

/** To the thread: build job `job`, starting at index `from` of the accounts. */
export interface BillThreadJob {
  job: number
  from: number
}

/** From the thread: the page built (none when no account in the range has a bill), or why not. */
export type BillThreadMessage =
  { job: number; end: number; bills: number; file: string | null } | { job: number; failed: string }

export interface BuiltPage {
  /** The index of the first account left for the next job. */
  end: number
  bills: number
  /** The page's HTML file; null when it has no bill. */
  file: string | null
}

/**
 * The thread's source, run through tsx (tests, the web dev host, benches). Made by Node's own URL
 * functions: under a DOM test environment the global URL resolves against the page.
 */
export const billWorkerSource = pathToFileURL(
  join(dirname(fileURLToPath(import.meta.url)), 'bill-worker.ts'),
)

/**
 * One batch's bills built on a worker thread (bill-worker.ts), page by page, each written to an
 * HTML file in a private temporary folder that `close` removes. The main thread only passes
 * indices and file names.
 */
export class BillThread {
  private readonly worker: Worker
  readonly folder: string
  private readonly pending = new Map<
    number,
    { resolve(page: BuiltPage): void; reject(error: Error): void }
  >()
  private jobs = 0
  private failure: Error | null = null

  constructor(
    /** The worker's module: the built `bill-worker.js`, or the `.ts` source run through tsx. */
    script: URL,
    data: Omit<BillThreadData, 'folder'>,
  ) {
    // mkdtemp makes it 0700: the pages hold personal data.
    this.folder = mkdtempSync(join(tmpdir(), 'energo-bills-'))
    const workerData: BillThreadData = { ...data, folder: this.folder }
    this.worker = new Worker(script, {
      workerData,
      execArgv: script.pathname.endsWith('.ts') ? ['--import', 'tsx'] : undefined,
    })
    this.worker.on('message', (message: BillThreadMessage) => {
      const waiting = this.pending.get(message.job)
      this.pending.delete(message.job)
      if ('failed' in message) waiting?.reject(new Error(message.failed))
      else waiting?.resolve({ end: message.end, bills: message.bills, file: message.file })
    })
    this.worker.on('error', (error) => this.fail(error))
    this.worker.on('exit', () => this.fail(new Error('the bill thread ended')))
  }

  /** Builds the next page from account index `from`. */
  build(from: number): Promise<BuiltPage> {
    if (this.failure) return Promise.reject(this.failure)
    const job = this.jobs++
    return new Promise((resolve, reject) => {
      this.pending.set(job, { resolve, reject })
      const message: BillThreadJob = { job, from }
      this.worker.postMessage(message)
    })
  }

  /** Removes a page once printed. */
  async discard(file: string): Promise<void> {
    await rm(file, { force: true })
  }

  /** Ends the thread and removes every page it wrote. */
  async close(): Promise<void> {
    await this.worker.terminate()
    await rm(this.folder, { recursive: true, force: true })
  }

  private fail(error: Error): void {
    this.failure ??= error
    for (const waiting of this.pending.values()) waiting.reject(error)
    this.pending.clear()
  }
}
