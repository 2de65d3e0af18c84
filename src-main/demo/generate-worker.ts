import { workerData, type MessagePort } from 'node:worker_threads'
import { generateDemo } from '../../src-demo/generate'
import type { DemoAccount, DemoOptions } from '../../src-demo/types'
import type { WorkerMessage } from './batches'
import { flatten } from './tables'

interface Data {
  options: DemoOptions
  port: MessagePort
  shared: Int32Array
  batchSize: number
  maxAhead: number
}

const { options, port, shared, batchSize, maxAhead } = workerData as Data
const produced = 0
const consumed = 1

function post(message: WorkerMessage): void {
  // Wait while the writer is maxAhead batches behind.
  for (;;) {
    const taken = Atomics.load(shared, consumed)
    if (Atomics.load(shared, produced) - taken < maxAhead) break
    Atomics.wait(shared, consumed, taken, 1000)
  }
  port.postMessage(message)
  Atomics.add(shared, produced, 1)
  Atomics.notify(shared, produced)
}

try {
  let batch: DemoAccount[] = []
  const send = () => {
    post({ accounts: batch.length, tables: flatten(batch).map((values) => JSON.stringify(values)) })
    batch = []
  }
  for (const chunk of generateDemo(options)) {
    if (chunk.kind !== 'account') continue
    batch.push(chunk.account)
    if (batch.length === batchSize) send()
  }
  if (batch.length > 0) send()
  post({ done: true })
} catch (error) {
  post({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
}
