// An export on a thread of its own: building and zipping 100,000 rows takes seconds of
// synchronous work (SheetJS has no streaming xlsx writer) that the window must not feel.
import { renameSync, writeFileSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { offsetMinutes } from '../../src-shared/audit/office-day'
import { openSqlite, wrap } from '../db/connection'
import { buildReport } from './build-report'
import type { ExportJobData, ExportThreadMessage } from './report-exports'
import { reportXlsx } from '../../src-node/reports/xlsx-export'

const job = workerData as ExportJobData
const post = (message: ExportThreadMessage) => parentPort!.postMessage(message)

try {
  const db = wrap(openSqlite(job.file, { readonly: true }))
  const now = new Date(job.now)
  const table = buildReport(job.report, {
    db,
    timeZone: job.timeZone,
    today: job.today,
    now,
    filters: job.filters,
  })
  db.$client.close()
  const rows = table.rowCount
  post({ progress: 0.1 })
  const bytes = reportXlsx(table, {
    offsetMinutes: offsetMinutes(now, job.timeZone),
    builtAt: job.now,
    consumeRows: true,
    onProgress: (progress) => post({ progress }),
  })
  // Written aside and renamed: a cancelled export leaves no half-written file behind.
  // Personal data: the user's alone (ownerOnlyFileMode; the worker imports nothing more).
  writeFileSync(`${job.path}.part`, bytes, { mode: 0o600 })
  renameSync(`${job.path}.part`, job.path)
  post({ done: rows })
} catch (error) {
  post({ failed: error instanceof Error ? error.message : String(error) })
}
