import type { CellValue, ReportChart, ReportColumn, ReportSummary } from './table'

/** «Итого» in the first column, the sum of each total column, empty elsewhere. */
export function totalsRow(
  columns: readonly ReportColumn[],
  rows: readonly CellValue[][],
): CellValue[] {
  const sums: (number | null)[] = columns.map((c) => (c.total ? 0 : null))
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      const sum = sums[i]
      if (sum === null || sum === undefined) continue
      const value = row[i]
      if (typeof value === 'number') sums[i] = sum + value
    }
  }
  const totals: CellValue[] = sums
  if (columns.length > 0 && !columns[0]!.total) totals[0] = 'Итого'
  return totals
}

/**
 * Count and amount per value of one column (cashier, method, supplier...), largest amount first;
 * rows with the same label add up.
 */
export function summaryBy(
  title: string,
  rows: readonly CellValue[][],
  labelIndex: number,
  amountIndex: number | null,
  key: (row: readonly CellValue[]) => string = (row) => String(row[labelIndex] ?? '—'),
): ReportSummary {
  const byLabel = new Map<string, { label: string; count: number; amount: number }>()
  for (const row of rows) {
    const label = key(row)
    let line = byLabel.get(label)
    if (!line) byLabel.set(label, (line = { label, count: 0, amount: 0 }))
    line.count += 1
    const amount = amountIndex === null ? 0 : row[amountIndex]
    if (typeof amount === 'number') line.amount += amount
  }
  return {
    title,
    rows: [...byLabel.values()].sort(
      (a, b) => b.amount - a.amount || b.count - a.count || a.label.localeCompare(b.label, 'ru'),
    ),
  }
}

/** A summary drawn as the report's chart: its amounts in roubles, or its counts. */
export function summaryChart(
  title: string,
  summary: ReportSummary,
  unit: ReportChart['unit'],
): ReportChart {
  return {
    title,
    labels: summary.rows.map((r) => r.label),
    values: summary.rows.map((r) => (unit === 'money' ? r.amount : r.count)),
    unit,
  }
}
