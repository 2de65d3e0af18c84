// A bill batch's building on a thread of its own: reading each bill from the replica, its model,
// its HTML with two QR codes take the CPU seconds of a batch, which the window must not feel.
import { parentPort, workerData } from 'node:worker_threads'
import { buildBill } from '../../src-shared/documents/bill'
import { renderBillArticle, renderBillBatchHtml } from '../../src-shared/documents/bill-html'
import { openSqlite, wrap } from '../db/connection'
import { billHeader, billInputOf } from './bill-data'
import type { BillJobsData, BillJobsMessage, BillJobsRequest } from './bill-batch-thread'
import { lowerThisThreadPriority } from './print-priority'

const data = workerData as BillJobsData
const post = (message: BillJobsMessage) => parentPort!.postMessage(message)

// On a two-core workstation this thread, the printer's renderers and the app's event loop want
// the CPU at once: the event loop, which answers the window, goes first.
lowerThisThreadPriority()

try {
  // Its own connection, read-only: WAL lets it read while the main thread writes. Bills hold no
  // sealed secret, so the replica's key is not needed here.
  const db = wrap(openSqlite(data.file, { readonly: true }))
  const total = data.accountIds.length
  let next = data.from
  let wanted = 0

  /** The next job: up to `perJob` accounts from `next`, those without a bill left out. */
  const build = () => {
    const start = next
    const articles: string[] = []
    for (; next < total && articles.length < data.perJob; next++) {
      const id = data.accountIds[next]!
      if (billHeader(db, id, data.period))
        articles.push(
          renderBillArticle(buildBill(billInputOf(db, id, data.period, data.timeZone, false))),
        )
    }
    post({
      job: {
        start,
        end: next,
        bills: articles.length,
        html: articles.length === 0 ? null : renderBillBatchHtml(`ЕПД за ${data.period}`, articles),
      },
    })
  }

  // Jobs are built as the main thread asks for them, a job or two ahead of the printer, so a
  // slow printer never has the whole batch piled up in memory.
  parentPort!.on('message', ({ more }: BillJobsRequest) => {
    wanted += more
    try {
      for (; wanted > 0 && next < total; wanted--) build()
      if (next >= total && db.$client.open) db.$client.close()
    } catch (error) {
      post({ failed: error instanceof Error ? error.message : String(error) })
    }
  })
} catch (error) {
  post({ failed: error instanceof Error ? error.message : String(error) })
}
