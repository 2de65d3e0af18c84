/** How a column's values are typed, on screen and in the .xlsx. */
export type ColumnType = 'text' | 'money' | 'date' | 'datetime' | 'count'

export interface ReportColumn {
  key: string
  /** Russian, as the supervisor reads it. */
  title: string
  type: ColumnType
  /** Width in characters, for the sheet and the screen. */
  width: number
  /** Summed in the totals row (money and count columns). */
  total?: boolean
}

/**
 * A cell: text, a whole number (kopecks for money columns), a date (YYYY-MM-DD) or an instant
 * (ISO, shown in the office's time zone by whoever renders it), or empty.
 */
export type CellValue = string | number | null

/** Totals of one grouping (by cashier, by method, ...), with the amount in kopecks. */
export interface ReportSummary {
  title: string
  rows: { label: string; count: number; amount: number }[]
}

export interface ReportChart {
  title: string
  labels: string[]
  values: number[]
  /** Values are kopecks (shown as roubles) or counts. */
  unit: 'money' | 'count'
}

/** One report as built from the replica: the screen shows it, the export writes it. */
export interface ReportTable {
  title: string
  /** Russian, at most 31 characters, none of \ / ? * [ ] : (Excel's rule). */
  sheetName: string
  /** The filters it was built with, as lines above the table ("Период: 01.11.2026 – 30.11.2026"). */
  filters: { label: string; value: string }[]
  columns: ReportColumn[]
  rows: CellValue[][]
  /** The totals row: «Итого» in the first column, sums under the total columns. */
  totals: CellValue[]
  rowCount: number
  summaries: ReportSummary[]
  chart: ReportChart | null
}
