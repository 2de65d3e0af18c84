import type { Service } from '../../src-shared/accounts/domain'
import { serviceNames } from '../../src-shared/documents/labels'
import { reportColumns } from '../../src-shared/reports/columns'
import { reportTitles, sheetNames, shiftComparisonNames } from '../../src-shared/reports/labels'
import type { CellValue, ReportTable } from '../../src-shared/reports/table'
import { summaryBy, summaryChart, totalsRow } from '../../src-shared/reports/totals'
import { prepared } from '../db/prepared'
import { filterLines, filterParams, instantRange, type ReportContext } from './report-context'

// Per shift: what it took by method (cancelled later or not: the drawer took it), what it refunded,
// the count at closing from its frozen Z report, and the server's answer to that report.
const sql = `
  SELECT f.name AS office, w.name AS workstation, o.full_name AS cashier, s.opened_at AS openedAt,
         s.closed_at AS closedAt, s.opening_cash AS openingCash,
         coalesce(pm.cash, 0) AS cash, coalesce(pm.card, 0) AS card,
         coalesce(pm.transfer, 0) AS transfer,
         coalesce(cx.n, 0) AS cancellations, coalesce(cx.total, 0) AS cancelled,
         s.counted_cash AS countedCash, json_extract(s.report, '$.difference') AS difference,
         ob.status AS outboxStatus, json_extract(ob.result, '$.totalsDiffer') AS differs,
         json_extract(ob.result, '$.held.total') AS heldTotal
    FROM shifts s
    LEFT JOIN offices f ON f.id = s.office_id
    LEFT JOIN workstations w ON w.id = s.workstation_id
    LEFT JOIN operators o ON o.id = s.opened_by
    LEFT JOIN (SELECT shift_id,
                      sum(CASE WHEN method = 'cash' THEN amount END) AS cash,
                      sum(CASE WHEN method = 'card' THEN amount END) AS card,
                      sum(CASE WHEN method = 'transfer' THEN amount END) AS transfer
                 FROM payments WHERE shift_id IS NOT NULL GROUP BY shift_id) pm ON pm.shift_id = s.id
    LEFT JOIN (SELECT x.shift_id, count(*) AS n, sum(p.amount) AS total
                 FROM payment_cancellations x JOIN payments p ON p.id = x.payment_id
                WHERE x.shift_id IS NOT NULL GROUP BY x.shift_id) cx ON cx.shift_id = s.id
    LEFT JOIN outbox ob ON ob.name = 'shift.close' AND json_extract(ob.args, '$.shiftId') = s.id
   WHERE s.opened_at >= @fromAt AND s.opened_at < @toAt
     AND (@office IS NULL OR s.office_id = @office)
     AND (@operator IS NULL OR s.opened_by = @operator)
   ORDER BY s.opened_at`

interface Row {
  office: string | null
  workstation: string | null
  cashier: string | null
  openedAt: string
  closedAt: string | null
  openingCash: number
  cash: number
  card: number
  transfer: number
  cancellations: number
  cancelled: number
  countedCash: number | null
  difference: number | null
  outboxStatus: string | null
  differs: number | null
  heldTotal: number | string | null
}

/** The server's verdict on a shift's Z report, as the supervisor reads it. */
export function comparisonOf(r: Pick<Row, 'closedAt' | 'outboxStatus' | 'differs'>): string {
  if (r.closedAt === null) return shiftComparisonNames.open
  if (r.outboxStatus === null || r.outboxStatus === 'pending') return shiftComparisonNames.pending
  return r.differs === 1 ? shiftComparisonNames.differs : shiftComparisonNames.same
}

export function shiftsReport(ctx: ReportContext): ReportTable {
  const columns = reportColumns.shifts
  const raw = prepared(ctx.db.$client, sql).all({
    ...instantRange(ctx),
    ...filterParams(ctx),
  }) as Row[]
  const rows: CellValue[][] = raw.map((r) => [
    r.office,
    r.workstation,
    r.cashier,
    r.openedAt,
    r.closedAt,
    r.openingCash,
    r.cash,
    r.card,
    r.transfer,
    r.cancellations,
    r.cancelled,
    r.countedCash,
    r.difference,
    comparisonOf(r),
    // PostgreSQL's sums may have come back as strings.
    r.differs === 1 && r.heldTotal !== null ? Number(r.heldTotal) : null,
  ])
  const net = summaryBy('По кассирам (принято)', rows, 2, null)
  for (const line of net.rows)
    line.amount = raw
      .filter((r) => (r.cashier ?? '—') === line.label)
      .reduce((s, r) => s + r.cash + r.card + r.transfer - r.cancelled, 0)
  net.rows.sort((a, b) => b.amount - a.amount)
  return {
    title: reportTitles.shifts,
    sheetName: sheetNames.shifts,
    filters: filterLines(
      ctx,
      { period: true, office: true, operator: true },
      (s) => serviceNames[s as Service] ?? s,
    ),
    columns,
    rows,
    totals: totalsRow(columns, rows),
    rowCount: rows.length,
    summaries: [net, summaryBy('Сверка с сервером', rows, 13, 12)],
    chart: summaryChart('Принято по кассирам за вычетом отмен', net, 'money'),
  }
}
