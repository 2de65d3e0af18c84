import type { PrintedDocument } from '../../src-shared/payments/contract'
import type { Db } from '../db/connection'
import { BillJobs } from './bill-batch-thread'
import type { Printer } from './printer'

export interface BillBatchOptions {
  period: string
  /** The accounts whose bills are printed, in print order. */
  accountIds: readonly string[]
  timeZone: string
  /** The printer chosen for documents; '' saves PDFs. */
  printer: string
  /** Bills per print job (one PDF each). */
  perJob?: number
  /** Resume: the index in `accountIds` to start from. */
  from?: number
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
  /** The batch thread's module: the built `bill-batch-worker.js`, or its `.ts` source. */
  worker: URL
}

export interface BillBatchResult {
  /** Bills printed in this run. */
  bills: number
  documents: PrintedDocument[]
  /** Where a cancelled run stopped: pass it as `from` to resume; null when all are done. */
  next: number | null
}

/**
 * Prints a period's bills in jobs of `perJob` bills. The bills are read and built on a thread
 * of their own (BillJobs), a job or two ahead, so this thread only hands pages to the printer and
 * the window's requests are answered at once; the browser renders while the next jobs are
 * built, several jobs at once where the printer saves PDFs in parallel (a physical printer takes
 * its jobs one by one, in order). Progress and documents follow print order. Cancel through
 * `signal`: the jobs being printed finish, the next is not sent, and `next` says where to resume.
 */
export async function printBillBatch(
  db: Db,
  printer: Printer,
  o: BillBatchOptions,
): Promise<BillBatchResult> {
  const perJob = o.perJob ?? 50
  const lanes = o.printer === '' ? Math.max(1, printer.parallel ?? 1) : 1
  const total = o.accountIds.length
  const documents: PrintedDocument[] = []
  let bills = 0
  let failed = false
  // Settles when every job sent so far has printed, in order; rejects with the first failure.
  let inOrder: Promise<void> = Promise.resolve()
  const running = new Set<Promise<void>>()
  let i = o.from ?? 0
  // The thread reads the replica's file: a database in memory (none in the app) has no other reader.
  if (db.$client.memory) throw new Error('a bill batch reads the replica from a file')
  const jobs =
    i < total && !o.signal?.aborted
      ? new BillJobs(
          o.worker,
          {
            file: db.$client.name,
            period: o.period,
            timeZone: o.timeZone,
            accountIds: o.accountIds,
            from: i,
            perJob,
          },
          lanes,
        )
      : null
  try {
    while (jobs && i < total && !failed) {
      if (o.signal?.aborted) break
      const { start, end, html, bills: inJob } = await jobs.next()
      while (running.size >= lanes) await Promise.race(running)
      // Cancelled while the last jobs printed: this one is not sent, a resume starts with it.
      if (o.signal?.aborted || failed) break
      i = end
      // Accounts without a bill for the period make no job of their own.
      const job =
        html === null
          ? Promise.resolve(null)
          : printer.print({
              html,
              name: `ЕПД_${o.period}_${start + 1}-${end}`,
              layout: 'a4',
              printer: o.printer,
            })
      // Seen in order below; a failure before its turn is not an unhandled one.
      job.catch(() => undefined)
      inOrder = inOrder
        .then(() => job)
        .then((printed) => {
          if (printed) documents.push(printed)
          bills += inJob
          o.onProgress?.(end, total)
        })
      // A lane frees when its job is done in order (its progress, and a cancel in it, seen).
      const done = inOrder.then(
        () => undefined,
        () => {
          failed = true
        },
      )
      running.add(done)
      void done.then(() => running.delete(done))
    }
  } finally {
    // Ended as soon as no more jobs are wanted: a cancel does not wait for the printing ones.
    void jobs?.close()
  }
  await inOrder
  return { bills, documents, next: i < total ? i : null }
}
