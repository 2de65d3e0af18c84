import type { Service } from '../../src-shared/accounts/domain'
import { methodNames, serviceNames } from '../../src-shared/documents/labels'
import type { PaymentMethod } from '../../src-shared/payments/domain'
import { reportColumns } from '../../src-shared/reports/columns'
import { reportTitles, sheetNames } from '../../src-shared/reports/labels'
import type { CellValue, ReportTable } from '../../src-shared/reports/table'
import { summaryBy, summaryChart, totalsRow } from '../../src-shared/reports/totals'
import { prepared } from '../db/prepared'
import { holderNameSql } from './payments-register'
import { filterLines, filterParams, instantRange, type ReportContext } from './report-context'

// The cashier is the one at the desk when the supervisor confirmed, else who took the payment.
const sql = `
  SELECT x.cancelled_at, x.receipt_number, p.receipt_number, p.paid_at, a.number,
         coalesce(p.payer, ${holderNameSql}), p.method, p.amount, x.reason,
         coalesce(k.full_name, t.full_name), v.full_name
    FROM payment_cancellations x
    JOIN payments p ON p.id = x.payment_id
    JOIN accounts a ON a.id = p.account_id
    JOIN customers c ON c.id = a.holder_id
    LEFT JOIN operators k ON k.id = x.cashier_id
    LEFT JOIN operators t ON t.id = p.operator_id
    LEFT JOIN operators v ON v.id = x.operator_id
   WHERE x.cancelled_at >= @fromAt AND x.cancelled_at < @toAt
     AND (@office IS NULL OR p.office_id = @office)
     AND (@operator IS NULL OR @operator IN (coalesce(x.cashier_id, p.operator_id), x.operator_id))
     AND (@supplier IS NULL OR EXISTS (SELECT 1 FROM payment_lines l
                                        WHERE l.payment_id = p.id AND l.supplier_id = @supplier))
     AND (@service IS NULL OR EXISTS (SELECT 1 FROM payment_lines l
                                       WHERE l.payment_id = p.id AND l.service = @service))
   ORDER BY x.cancelled_at`

export function cancellationsReport(ctx: ReportContext): ReportTable {
  const columns = reportColumns.cancellations
  const raw = prepared(ctx.db.$client, sql)
    .raw(true)
    .all({ ...instantRange(ctx), ...filterParams(ctx) }) as CellValue[][]
  prepared(ctx.db.$client, sql).raw(false)
  const rows = raw.map((r) => {
    const row = [...r]
    row[6] = methodNames[r[6] as PaymentMethod] ?? r[6]
    return row
  })
  const bySupervisor = summaryBy('По подтвердившим', rows, 10, 7)
  return {
    title: reportTitles.cancellations,
    sheetName: sheetNames.cancellations,
    filters: filterLines(
      ctx,
      { period: true, office: true, operator: true, supplier: true, service: true },
      (s) => serviceNames[s as Service] ?? s,
    ),
    columns,
    rows,
    totals: totalsRow(columns, rows),
    rowCount: rows.length,
    summaries: [
      summaryBy('По кассирам', rows, 9, 7),
      bySupervisor,
      summaryBy('По причинам', rows, 8, 7),
    ],
    chart: summaryChart('Отмены по кассирам', summaryBy('', rows, 9, 7), 'count'),
  }
}
