import type { Worker } from 'node:worker_threads'
import { startWorker } from '../app/start-worker'

/** What the batch's thread is given: the accounts in print order and where to start. */
export interface BillJobsData {
  /** The replica file: the thread reads it through its own connection. */
  file: string
  period: string
  timeZone: string
  accountIds: readonly string[]
  /** The index in `accountIds` of the first job's first account. */
  from: number
  /** Accounts per job (one PDF each). */
  perJob: number
}

/** To the thread: build this many more jobs. */
export interface BillJobsRequest {
  more: number
}

/** One print job: the accounts `start` to `end` (exclusive), `bills` of them billed. */
export interface BillJob {
  start: number
  end: number
  bills: number
  /** The job's page; null when none of its accounts has a bill for the period. */
  html: string | null
}

export type BillJobsMessage = { job: BillJob } | { failed: string }

/**
 * A bill batch's jobs, built in order on a worker thread (`bill-batch-worker`) that keeps
 * `ahead` jobs built beyond the ones taken: the main thread only hands them to the printer.
 * A thread that fails or dies fails the job waited for; `close` ends it (a cancelled batch).
 */
export class BillJobs {
  private readonly worker: Worker
  private readonly built: BillJob[] = []
  private waiting: { resolve: (job: BillJob) => void; reject: (error: Error) => void } | null = null
  private failure: Error | null = null
  private closed = false

  constructor(
    /** The worker's module: the built `bill-batch-worker.js`, or the `.ts` source run through tsx. */
    script: URL,
    data: BillJobsData,
    ahead: number,
  ) {
    this.worker = startWorker(script, data)
    this.worker.on('message', (message: BillJobsMessage) => {
      if ('job' in message) this.arrived(message.job)
      else this.fail(new Error(message.failed))
    })
    this.worker.on('error', (error) => this.fail(error))
    this.worker.on('exit', (code) =>
      this.fail(new Error(`the bill batch thread stopped (exit code ${code})`)),
    )
    this.worker.postMessage({ more: ahead } satisfies BillJobsRequest)
  }

  /** The next job in print order; the thread starts building one more. */
  next(): Promise<BillJob> {
    const job = this.built.shift()
    if (job) return Promise.resolve(this.handOut(job))
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }))
  }

  async close(): Promise<void> {
    this.closed = true
    await this.worker.terminate()
  }

  private handOut(job: BillJob): BillJob {
    this.worker.postMessage({ more: 1 } satisfies BillJobsRequest)
    return job
  }

  private arrived(job: BillJob): void {
    const waiting = this.waiting
    this.waiting = null
    if (waiting) waiting.resolve(this.handOut(job))
    else this.built.push(job)
  }

  private fail(error: Error): void {
    if (this.closed || this.failure) return
    this.failure = error
    const waiting = this.waiting
    this.waiting = null
    waiting?.reject(error)
  }
}
