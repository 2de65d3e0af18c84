import { Worker } from 'node:worker_threads'

/**
 * Starts a worker thread from its module: the built `.js` beside the main bundle, or the `.ts`
 * source (web dev host, tests, benches), which needs tsx's loader in the thread.
 */
export function startWorker(script: URL, workerData: unknown): Worker {
  const source = script.pathname.endsWith('.ts')
  return new Worker(script, { workerData, execArgv: source ? ['--import', 'tsx'] : undefined })
}
