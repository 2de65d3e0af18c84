import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads'
import { generateDemo } from '../../src-demo/generate'
import type { DemoAccount, DemoOptions } from '../../src-demo/types'
import { flatten, type FlatBatch } from './tables'

/** Accounts per batch: one transaction each. */
export const accountsPerBatch = 1000

export interface AccountBatch {
  accounts: number
  rows: FlatBatch
}

/** The generator's accounts in batches, made on this thread. */
export function* batchesInProcess(options: DemoOptions): Generator<AccountBatch> {
  let batch: DemoAccount[] = []
  for (const chunk of generateDemo(options)) {
    if (chunk.kind !== 'account') continue
    batch.push(chunk.account)
    if (batch.length === accountsPerBatch) {
      yield { accounts: batch.length, rows: flatten(batch) }
      batch = []
    }
  }
  if (batch.length > 0) yield { accounts: batch.length, rows: flatten(batch) }
}

/** Shared counters: batches the worker has posted, batches this thread has taken. */
const produced = 0
const consumed = 1
/** Batches the worker may run ahead: bounds the memory the queue holds. */
export const maxAhead = 3

export interface WorkerMessage {
  accounts?: number
  /** One JSON array of row values per table: parsing JSON is much cheaper than structured clone. */
  tables?: string[]
  done?: boolean
  error?: string
}

/**
 * The same batches, generated on a worker thread while this one writes to SQLite. Stays
 * synchronous: it blocks on a shared counter and takes messages with receiveMessageOnPort.
 * Needs a TypeScript-aware runtime in the worker (tsx passes its loader on).
 */
export function* batchesFromWorker(options: DemoOptions): Generator<AccountBatch> {
  const shared = new Int32Array(new SharedArrayBuffer(8))
  const { port1, port2 } = new MessageChannel()
  const worker = new Worker(new URL('./generate-worker.ts', import.meta.url), {
    workerData: { options, port: port2, shared, batchSize: accountsPerBatch, maxAhead },
    transferList: [port2],
  })
  worker.unref()
  try {
    for (;;) {
      let message = receiveMessageOnPort(port1)
      let waited = 0
      while (!message) {
        const seen = Atomics.load(shared, produced)
        message = receiveMessageOnPort(port1)
        if (message) break
        if (Atomics.wait(shared, produced, seen, 1000) === 'timed-out') waited += 1
        if (waited > 120) throw new Error('the demo generator worker stopped answering')
        message = receiveMessageOnPort(port1)
      }
      const m = message.message as WorkerMessage
      Atomics.add(shared, consumed, 1)
      Atomics.notify(shared, consumed)
      if (m.error) throw new Error(`demo generator worker: ${m.error}`)
      if (m.done) return
      yield {
        accounts: m.accounts ?? 0,
        rows: (m.tables ?? []).map((t) => JSON.parse(t) as unknown[]),
      }
    }
  } finally {
    port1.close()
    void worker.terminate()
  }
}
