import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportKinds, type ReportKind } from '../../src-shared/reports/contract'
import { sheetNames } from '../../src-shared/reports/labels'
import { excelDate } from '../../src-shared/reports/sheets'
import type { ReportTable } from '../../src-shared/reports/table'
import { offsetMinutes } from '../../src-shared/audit/office-day'
import {
  dateFormat,
  dateTimeFormat,
  moneyFormat,
  reportXlsx,
} from '../../src-node/reports/xlsx-export'
import {
  sampleBranch,
  sampleNow,
  sampleTimeZone,
  xlsxOf,
  type SampleBranch,
} from './support/sample-exports'

let branch: SampleBranch
const tables = new Map<ReportKind, ReportTable>()

beforeAll(async () => {
  branch = await sampleBranch()
  for (const kind of reportKinds) tables.set(kind, branch.table(kind))
}, 60_000)
afterAll(() => branch.close())

type Cells = (XLSX.CellObject | undefined)[][]

/** The sheet read back as rows of cells, the way Excel would see them. */
function cellsOf(sheet: XLSX.WorkSheet): Cells {
  const range = XLSX.utils.decode_range(sheet['!ref']!)
  const rows: Cells = []
  for (let r = 0; r <= range.e.r; r++) {
    const row: (XLSX.CellObject | undefined)[] = []
    for (let c = 0; c <= range.e.c; c++) row.push(sheet[XLSX.utils.encode_cell({ r, c })])
    rows.push(row)
  }
  return rows
}

describe('every report read back from its .xlsx', () => {
  it('has data to check in each sample', () => {
    for (const kind of reportKinds) expect(tables.get(kind)!.rowCount, kind).toBeGreaterThan(0)
  })

  it.each(reportKinds)('%s: typed cells, filters, header, every row, totals', (kind) => {
    const table = tables.get(kind)!
    const book = XLSX.read(xlsxOf(table), { cellNF: true, cellStyles: true })
    expect(book.SheetNames).toEqual([sheetNames[kind]])
    const sheet = book.Sheets[sheetNames[kind]]!
    const cells = cellsOf(sheet)

    // Above the table: the title and each filter line.
    expect(cells[0]![0]?.v).toBe(table.title)
    table.filters.forEach((f, i) => {
      expect(cells[1 + i]![0]?.v).toBe(f.label)
      if (f.value) expect(cells[1 + i]![1]?.v).toBe(f.value)
    })
    // Title, filters, «Сформирован», an empty line, then the header.
    const header = table.filters.length + 3
    expect(cells[header - 2]![0]?.v).toBe('Сформирован')
    expect(cells[header - 1]!.every((c) => c === undefined)).toBe(true)
    expect(cells[header]!.map((c) => c?.v)).toEqual(table.columns.map((c) => c.title))

    // Every data row, then the totals row.
    const data = cells.slice(header + 1, -1)
    expect(data).toHaveLength(table.rowCount)
    const totals = cells.at(-1)!
    expect(totals[0]?.v).toBe(table.columns[0]!.total ? undefined : 'Итого')

    // Cell by cell, mismatches collected: one failure lists them all.
    const wrong: string[] = []
    const check = (ok: boolean, what: string) => void (ok || wrong.push(what))
    for (const [c, column] of table.columns.entries()) {
      for (const [r, row] of data.entries()) {
        const cell = row[c]
        const value = table.rows[r]![c]
        const at = `${column.key} row ${r}: ${JSON.stringify(cell)} for ${JSON.stringify(value)}`
        if (value === null || value === '') {
          check(cell === undefined, at)
        } else if (column.type === 'text') {
          check(cell?.t === 's' && cell.v === String(value), at)
        } else if (column.type === 'money') {
          check(cell?.t === 'n' && cell.z === moneyFormat, at)
          check(Math.round((cell!.v as number) * 100) === value, at)
        } else if (column.type === 'date') {
          check(
            cell?.t === 'n' && cell.z === dateFormat && cell.v === excelDate(value as string),
            at,
          )
        } else if (column.type === 'datetime') {
          check(cell?.t === 'n' && cell.z === dateTimeFormat, at)
        } else {
          check(cell?.t === 'n' && cell.v === value, at)
        }
      }
      if (column.total) {
        const sum = table.rows.reduce((s, row) => s + ((row[c] as number | null) ?? 0), 0)
        expect(table.totals[c]).toBe(sum)
        const read = totals[c]!.v as number
        expect(column.type === 'money' ? Math.round(read * 100) : read).toBe(sum)
      }
    }
    expect(wrong.slice(0, 10)).toEqual([])

    expect(sheet['!autofilter']?.ref).toBe(
      XLSX.utils.encode_range({
        s: { r: header, c: 0 },
        e: { r: header + table.rowCount, c: table.columns.length - 1 },
      }),
    )
    expect(sheet['!cols']?.map((c) => c.wch)).toEqual(table.columns.map((c) => c.width))
  })

  it('dates come back as dates to a reader that asks for them', () => {
    const table = tables.get('payments')!
    const book = XLSX.read(xlsxOf(table), { cellDates: true })
    const cells = cellsOf(book.Sheets[sheetNames.payments]!)
    const header = table.filters.length + 3
    const first = cells[header + 1]!
    expect(first[0]!.t).toBe('d')
    expect((first[0]!.v as Date).toISOString().slice(0, 10)).toBe(table.rows[0]![0])
    // The instant as the office's wall clock (Moscow, UTC+3).
    const paidAt = new Date(Date.parse(table.rows[0]![1] as string) + 3 * 3_600_000)
    expect(first[1]!.t).toBe('d')
    expect(Math.abs((first[1]!.v as Date).getTime() - paidAt.getTime())).toBeLessThan(1000)
  })

  it('splits over sheets past the row limit, totals once at the end', () => {
    const table = tables.get('payments')!
    const limit = 1000
    const book = XLSX.read(
      reportXlsx(
        { ...table, rows: [...table.rows] },
        {
          offsetMinutes: offsetMinutes(sampleNow, sampleTimeZone),
          builtAt: sampleNow.toISOString(),
          sheetRowLimit: limit,
        },
      ),
    )
    const overhead = table.filters.length + 3 + 1 + 1
    const perSheet = limit - overhead
    const sheets = Math.ceil(table.rowCount / perSheet)
    expect(sheets).toBeGreaterThan(1)
    expect(book.SheetNames).toEqual(
      Array.from({ length: sheets }, (_, i) => (i === 0 ? 'Платежи' : `Платежи (${i + 1})`)),
    )
    let rows = 0
    for (const [i, name] of book.SheetNames.entries()) {
      const cells = cellsOf(book.Sheets[name]!)
      expect(cells.length).toBeLessThanOrEqual(limit)
      const last = i === sheets - 1
      rows += cells.length - (table.filters.length + 4) - (last ? 1 : 0)
      if (last) expect(Math.round((cells.at(-1)![10]!.v as number) * 100)).toBe(table.totals[10])
    }
    expect(rows).toBe(table.rowCount)
  })
})
