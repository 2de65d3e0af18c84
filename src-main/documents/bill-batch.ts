import { setImmediate as nextTurn } from 'node:timers/promises'
import { buildBill } from '../../src-shared/documents/bill'
import { renderBillArticle, renderBillBatchHtml } from '../../src-shared/documents/bill-html'
import type { PrintedDocument } from '../../src-shared/payments/contract'
import type { Db } from '../db/connection'
import { billHeader, billInputOf } from './bill-data'
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
}

export interface BillBatchResult {
  /** Bills printed in this run. */
  bills: number
  documents: PrintedDocument[]
  /** Where a cancelled run stopped: pass it as `from` to resume; null when all are done. */
  next: number | null
}

/**
 * Prints a period's bills in jobs of `perJob` bills. Each bill is built on its own turn of the
 * event loop, so the window's requests are answered between bills; the browser renders while
 * the next job's bills are built. Cancel through `signal`: the job being printed finishes, the
 * next is not sent, and `next` says where to resume.
 */
export async function printBillBatch(
  db: Db,
  printer: Printer,
  o: BillBatchOptions,
): Promise<BillBatchResult> {
  const perJob = o.perJob ?? 50
  const total = o.accountIds.length
  const documents: PrintedDocument[] = []
  let bills = 0
  let printing: Promise<void> = Promise.resolve()
  let i = o.from ?? 0
  while (i < total) {
    if (o.signal?.aborted) break
    const start = i
    const articles: string[] = []
    for (; i < total && articles.length < perJob; i++) {
      const id = o.accountIds[i]!
      if (billHeader(db, id, o.period))
        articles.push(
          renderBillArticle(buildBill(billInputOf(db, id, o.period, o.timeZone, false))),
        )
      await nextTurn()
    }
    const html = renderBillBatchHtml(`ЕПД за ${o.period}`, articles)
    await printing
    // Cancelled while the last job printed: this one is not sent, a resume starts with it.
    if (o.signal?.aborted) {
      i = start
      break
    }
    const end = i
    printing = printer
      .print({
        html,
        name: `ЕПД_${o.period}_${start + 1}-${end}`,
        layout: 'a4',
        printer: o.printer,
      })
      .then((printed) => {
        documents.push(printed)
        bills += articles.length
        o.onProgress?.(end, total)
      })
  }
  await printing
  return { bills, documents, next: i < total ? i : null }
}
