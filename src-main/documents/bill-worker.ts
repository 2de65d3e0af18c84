// A bill batch's building, on a thread of its own: reading a bill's data, building its model
// and HTML (the QR codes above all) takes milliseconds a bill and makes most of a batch's
// garbage; on the main thread its collections stalled the window by up to 200 ms.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { buildBill } from '../../src-shared/documents/bill'
import { renderBillArticle, renderBillBatchHtml } from '../../src-shared/documents/bill-html'
import { openSqlite, wrap } from '../db/connection'
import { ownerOnlyFileMode } from '../files/owner-only'
import { billHeader, billInputOf } from './bill-data'
import type { BillThreadData, BillThreadJob, BillThreadMessage } from './bill-thread'

const data = workerData as BillThreadData
// Its own read-only connection: WAL lets it read while the main thread writes.
const db = wrap(openSqlite(data.file, { readonly: true }))
const post = (message: BillThreadMessage) => parentPort!.postMessage(message)

// A job: the next `perJob` bills from `from` on; accounts without a bill for the period skipped.
parentPort!.on('message', ({ job, from }: BillThreadJob) => {
  try {
    const articles: string[] = []
    let i = from
    for (; i < data.accountIds.length && articles.length < data.perJob; i++) {
      const id = data.accountIds[i]!
      if (billHeader(db, id, data.period))
        articles.push(
          renderBillArticle(buildBill(billInputOf(db, id, data.period, data.timeZone, false))),
        )
    }
    if (articles.length === 0) return post({ job, end: i, bills: 0, file: null })
    // The page goes to the printer as a file: megabytes of HTML never cross the main thread.
    const file = join(data.folder, `${job}.html`)
    writeFileSync(file, renderBillBatchHtml(data.title, articles), { mode: ownerOnlyFileMode })
    post({ job, end: i, bills: articles.length, file })
  } catch (error) {
    post({ job, failed: error instanceof Error ? error.message : String(error) })
  }
})
