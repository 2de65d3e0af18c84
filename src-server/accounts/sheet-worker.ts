// Parses one .xlsx import file in a worker thread. xlsx 0.18.5 (the npm release) has known
// parsing flaws (CVE-2023-30533 prototype pollution, CVE-2024-22363 ReDoS): here a polluted
// prototype stays in this thread's own realm, and the parent bounds its memory and time.
import { parentPort, workerData } from 'node:worker_threads'
import * as XLSX from 'xlsx'

const { bytes, maxRows } = workerData as { bytes: Uint8Array; maxRows: number }
const book = XLSX.read(bytes, {
  type: 'array',
  dense: true,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  bookVBA: false,
  // One more than the bound: the parent tells a file over it from one exactly at it.
  sheetRows: maxRows + 2,
})
const sheet = book.Sheets[book.SheetNames[0] ?? '']
// Arrays of cell texts, never objects keyed by the file's header: a column named __proto__
// cannot reach the parent as a key.
const rows: unknown[][] = sheet
  ? XLSX.utils.sheet_to_json<unknown[]>(sheet, {
      header: 1,
      defval: null,
      raw: false,
      blankrows: false,
    })
  : []
parentPort!.postMessage(
  rows.map((r) => r.map((c) => (c === null || c === undefined ? null : String(c)))),
)
