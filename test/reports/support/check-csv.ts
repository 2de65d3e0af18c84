// .ci/check-xlsx's second half: the CSVs LibreOffice made of the sample exports must hold the
// header, every data row and the totals the app computed (expected.json).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Expected } from './sample-exports'

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

const [expectedFile, csvDir] = process.argv.slice(2)
const expected = JSON.parse(readFileSync(expectedFile!, 'utf8')) as Record<string, Expected>
const failures: string[] = []
for (const [report, e] of Object.entries(expected)) {
  const rows = parseCsv(readFileSync(join(csvDir!, `${report}.csv`), 'utf8'))
  const header = rows.findIndex(
    (r) => r.length >= e.header.length && e.header.every((h, i) => r[i] === h),
  )
  if (header < 0) {
    failures.push(`${report}: no header row ${JSON.stringify(e.header)}`)
    continue
  }
  const totals = rows.at(-1)!
  const data = rows.length - header - 2
  if (data !== e.rows) failures.push(`${report}: ${data} data rows, expected ${e.rows}`)
  for (const [column, total] of Object.entries(e.totals)) {
    const read = Number(totals[Number(column)])
    if (Math.abs(read - total) > 0.001)
      failures.push(
        `${report}: total of «${e.header[Number(column)]}» is ${totals[Number(column)]}, expected ${total}`,
      )
  }
  console.log(`${report}: ${data} rows, totals ${JSON.stringify(e.totals)}`)
}
if (failures.length > 0) {
  console.error(failures.join('\n'))
  process.exit(1)
}
console.log('LibreOffice read every report as the app wrote it.')
