import type { Worker } from 'node:worker_threads'
import { startWorker } from '../app/start-worker'
import type { OperatorSessionLink } from './server-client'
import type { SyncRunReport } from './sync-run'

export interface SyncThreadData {
  /** The replica file. */
  file: string
  appVersion: string
  /** The replica's key, to open the workstation's secret (replica-key.ts). */
  replicaKey?: Uint8Array
}

/** To the thread: run once, speaking for the operator of this session token (if any). */
export interface SyncThreadRun {
  token: string | null
}

/** From the thread: progress, the server ending an operator's session, the run's end. */
export type SyncThreadMessage =
  | { pulled: number }
  | { sessionEnded: string }
  | { done: SyncRunReport }
  | { failed: string; retryAfterMs: number | null }

export interface SyncThreadHooks {
  onPulled(rows: number): void
  /** The logged-in operators live on this thread: the run gets a token, reports an ended one. */
  operatorSessions?: OperatorSessionLink
}

/**
 * Runs syncs on a worker thread with its own connection to the replica, one at a time (the sync
 * loop never overlaps runs). A thread that dies fails its run; the next run starts a new one.
 */
export class SyncThread {
  private worker: Worker | null = null
  private current: {
    resolve: (report: SyncRunReport) => void
    reject: (error: Error) => void
  } | null = null

  constructor(
    /** The worker's module: the built `sync-worker.js`, or the `.ts` source run through tsx. */
    private readonly script: URL,
    private readonly data: SyncThreadData,
    private readonly hooks: SyncThreadHooks,
  ) {}

  run(): Promise<SyncRunReport> {
    if (this.current) return Promise.reject(new Error('a sync run is already under way'))
    const worker = this.worker ?? this.start()
    return new Promise((resolve, reject) => {
      this.current = { resolve, reject }
      const run: SyncThreadRun = { token: this.hooks.operatorSessions?.token() ?? null }
      worker.postMessage(run)
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    await worker?.terminate()
  }

  private start(): Worker {
    const worker = startWorker(this.script, this.data)
    worker.unref()
    worker.on('message', (message: SyncThreadMessage) => {
      if ('pulled' in message) return this.hooks.onPulled(message.pulled)
      if ('sessionEnded' in message) return this.hooks.operatorSessions?.ended(message.sessionEnded)
      const run = this.current
      this.current = null
      if ('done' in message) run?.resolve(message.done)
      else
        run?.reject(
          Object.assign(new Error(message.failed), { retryAfterMs: message.retryAfterMs }),
        )
    })
    const lost = (error: Error) => {
      if (this.worker === worker) this.worker = null
      const run = this.current
      this.current = null
      run?.reject(error)
    }
    worker.on('error', lost)
    worker.on('exit', (code) => lost(new Error(`the sync thread stopped (exit code ${code})`)))
    this.worker = worker
    return worker
  }
}
