import * as zlib from 'node:zlib'
import * as XLSX from 'xlsx'
import { excelDate, excelDateTime, roublesOf, sheetParts } from '../../src-shared/reports/sheets'
import type { CellValue, ReportColumn, ReportTable } from '../../src-shared/reports/table'
import { filterLabels } from '../../src-shared/reports/labels'

export interface XlsxOptions {
  /** The office's UTC offset in minutes: instants are written as its wall-clock time. */
  offsetMinutes: number
  /** When the report was built (ISO), written above the table. */
  builtAt: string
  /** 0..1 as the sheets are built and the file is written. */
  onProgress?: (fraction: number) => void
  /**
   * Drop each data row once its cells are made: the export owns the table and 100,000 rows of
   * values need not live twice.
   */
  consumeRows?: boolean
  /** Rows per sheet (Excel's 1,048,576 unless a test asks for less). */
  sheetRowLimit?: number
}

/** Node's zlib as SheetJS checks for it: Node renamed the `bytesRead` its check reads. */
class InflateRaw extends zlib.InflateRaw {
  get bytesRead(): number {
    return this.bytesWritten
  }
}
type WithCfb = { CFB?: { utils: { use_zlib(z: unknown): void } }; default?: WithCfb }
// Without it SheetJS deflates in JavaScript: three times the time for a file twice the size.
;((XLSX as WithCfb).CFB ?? (XLSX as WithCfb).default?.CFB)?.utils.use_zlib({
  InflateRaw,
  deflateRawSync: zlib.deflateRawSync,
})

export const moneyFormat = '#,##0.00'
export const dateFormat = 'dd.mm.yyyy'
export const dateTimeFormat = 'dd.mm.yyyy hh:mm'

type Cell = XLSX.CellObject

/**
 * The same text (a cashier, a method, a supplier) as one string for all its cells: the rows
 * read from SQLite carry a copy each, and 100,000 copies of a few names add up.
 */
class Interned {
  private readonly seen = new Map<string, string>()
  of(value: string): string {
    const known = this.seen.get(value)
    if (known !== undefined) return known
    if (this.seen.size < 50_000) this.seen.set(value, value)
    return value
  }
}

function cellOf(
  column: ReportColumn,
  value: CellValue,
  offset: number,
  strings?: Interned,
): Cell | undefined {
  if (value === null || value === '') return undefined
  switch (column.type) {
    case 'money':
      return { t: 'n', v: roublesOf(value as number), z: moneyFormat }
    case 'count':
      return { t: 'n', v: value as number, z: '0' }
    case 'date':
      return { t: 'n', v: excelDate(value as string), z: dateFormat }
    case 'datetime':
      return { t: 'n', v: excelDateTime(value as string, offset), z: dateTimeFormat }
    default:
      return { t: 's', v: strings ? strings.of(String(value)) : String(value) }
  }
}

const text = (v: string): Cell => ({ t: 's', v })

/** Rows above the table: the title, the filters, when it was built, an empty line. */
function headLines(table: ReportTable, options: XlsxOptions): Cell[][] {
  const built = excelDateTime(options.builtAt, options.offsetMinutes)
  return [
    [text(table.title)],
    ...table.filters.map((f) =>
      f.value === '' ? [text(f.label)] : [text(f.label), text(f.value)],
    ),
    [text(filterLabels.built), { t: 'n', v: built, z: dateTimeFormat }],
    [],
  ]
}

/**
 * The report as a workbook: filters above a header row, typed cells (money as roubles with a
 * number format, dates as dates), column widths, an autofilter and a totals row; over Excel's
 * row limit it continues on further sheets. Sheets are dense (arrays of rows), which keeps
 * 100,000 rows within memory.
 */
export function reportWorkbook(table: ReportTable, options: XlsxOptions): XLSX.WorkBook {
  const head = headLines(table, options)
  const parts = sheetParts(
    table.sheetName,
    table.rows.length,
    head.length + 2,
    options.sheetRowLimit,
  )
  const workbook = XLSX.utils.book_new()
  const columns = table.columns
  const progressEvery = 5_000
  const strings = new Interned()
  for (const [p, part] of parts.entries()) {
    const sheet: (Cell | undefined)[][] = [...head]
    const headerRow = sheet.length
    sheet.push(columns.map((c) => text(c.title)))
    for (let i = part.start; i < part.end; i++) {
      const values = table.rows[i]!
      const row: (Cell | undefined)[] = new Array(columns.length)
      for (let c = 0; c < columns.length; c++)
        row[c] = cellOf(columns[c]!, values[c] ?? null, options.offsetMinutes, strings)
      sheet.push(row)
      if (options.consumeRows) (table.rows as unknown[])[i] = undefined
      if (options.onProgress && i % progressEvery === 0)
        options.onProgress(0.1 + (0.5 * i) / Math.max(1, table.rows.length))
    }
    const lastData = sheet.length - 1
    if (p === parts.length - 1) {
      sheet.push(
        columns.map((c, i) =>
          i === 0 && !c.total
            ? text(String(table.totals[0] ?? ''))
            : cellOf(c, table.totals[i] ?? null, options.offsetMinutes),
        ),
      )
    }
    const ws = sheet as unknown as XLSX.WorkSheet
    ws['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: sheet.length - 1, c: Math.max(columns.length, 2) - 1 },
    })
    ws['!cols'] = columns.map((c) => ({ wch: c.width }))
    ws['!autofilter'] = {
      ref: XLSX.utils.encode_range({
        s: { r: headerRow, c: 0 },
        e: { r: Math.max(lastData, headerRow), c: columns.length - 1 },
      }),
    }
    XLSX.utils.book_append_sheet(workbook, ws, part.name)
  }
  return workbook
}

/** The report as the bytes of an .xlsx file. */
export function reportXlsx(table: ReportTable, options: XlsxOptions): Buffer {
  const workbook = reportWorkbook(table, options)
  options.onProgress?.(0.6)
  const bytes = XLSX.write(workbook, {
    type: 'buffer',
    bookType: 'xlsx',
    compression: true,
    // Shared strings: each name once, and sheet XML of plain ASCII (half the memory of UTF-16).
    bookSST: true,
  }) as Buffer
  options.onProgress?.(0.95)
  return bytes
}
