import { execFile } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { PrintedDocument } from '../../src-shared/payments/contract'
import type { PrintJob, Printer } from '../documents/printer'

/** Debian's Chromium, headless on a build machine: no sandbox, GPU or background traffic. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Pages printing at once: one renderer each, two cores on a counter's workstation. */
export const pagesAtOnce = 2

/** What the print thread is given. */
export interface PrintThreadData {
  folder: string
  executablePath: string
}

/** To the print thread: a job, or close the browser. */
export type PrintThreadRequest = { id: number } & (
  { job: PrintJob; close?: undefined } | { close: true }
)

/** From the print thread: what a request came to. */
export type PrintThreadMessage = { id: number } & (
  { printed: PrintedDocument } | { closed: true } | { failed: string }
)

/**
 * The print thread's source (chromium-pdf-worker.ts); this printer runs from source only. A path
 * made by Node: under a DOM test environment the global URL is the DOM's, which resolves against
 * the page, not this file.
 */
const printThreadScript = join(dirname(fileURLToPath(import.meta.url)), 'chromium-pdf-worker.ts')

/**
 * Saves every document as a PDF under `folder`, rendered by the system's Chromium: the web dev
 * host's and the tests' printer. Chromium is driven from a thread of its own (started with the
 * browser on the first print, chromium-pdf-pages.ts): the protocol's traffic, megabytes for a
 * batch of bills, and its garbage collections never hold up the thread that answers the window.
 */
export function chromiumPdfPrinter(folder: string, executablePath = chromiumPath): Printer {
  let thread: Worker | null = null
  let ids = 0
  const pending = new Map<
    number,
    { resolve(message: PrintThreadMessage): void; reject(error: Error): void }
  >()

  function start(): Worker {
    const workerData: PrintThreadData = { folder, executablePath }
    const worker = new Worker(printThreadScript, {
      workerData,
      execArgv: printThreadScript.endsWith('.ts') ? ['--import', 'tsx'] : undefined,
    })
    // Only a job under way keeps the process alive, as the browser's pipes did before.
    worker.unref()
    worker.on('message', (message: PrintThreadMessage) => {
      const waiting = pending.get(message.id)
      pending.delete(message.id)
      if (pending.size === 0) worker.unref()
      if ('failed' in message) waiting?.reject(new Error(message.failed))
      else waiting?.resolve(message)
    })
    const fail = (error: Error) => {
      if (thread === worker) thread = null
      for (const waiting of pending.values()) waiting.reject(error)
      pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', () => fail(new Error('the print thread ended')))
    return worker
  }

  function send(worker: Worker, request: PrintThreadRequest): Promise<PrintThreadMessage> {
    return new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject })
      worker.ref()
      worker.postMessage(request)
    })
  }

  return {
    folder,
    parallel: pagesAtOnce,
    async print(job) {
      const answer = await send((thread ??= start()), { id: ids++, job })
      if (!('printed' in answer)) throw new Error('the print thread gave no document')
      return answer.printed
    },
    // The web dev host prints nothing itself, but lists what CUPS knows (none without it).
    listPrinters: () =>
      new Promise((resolve) =>
        execFile('lpstat', ['-e'], { timeout: 5000 }, (error, stdout) =>
          resolve(
            error
              ? []
              : stdout
                  .split('\n')
                  .map((name) => name.trim())
                  .filter(Boolean)
                  .map((name) => ({ name, displayName: name })),
          ),
        ),
      ),
    async close() {
      const worker = thread
      thread = null
      if (!worker) return
      try {
        await send(worker, { id: ids++, close: true })
      } finally {
        await worker.terminate()
      }
    },
  }
}
