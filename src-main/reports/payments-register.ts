import type { Service } from '../../src-shared/accounts/domain'
import { methodNames, serviceNames } from '../../src-shared/documents/labels'
import { offsetMinutes } from '../../src-shared/audit/office-day'
import type { PaymentMethod } from '../../src-shared/payments/domain'
import { reportColumns } from '../../src-shared/reports/columns'
import { filterLabels, reportTitles, sheetNames } from '../../src-shared/reports/labels'
import type { CellValue, ReportTable } from '../../src-shared/reports/table'
import { summaryBy, summaryChart, totalsRow } from '../../src-shared/reports/totals'
import { prepared } from '../db/prepared'
import {
  dayAt,
  filterLines,
  filterParams,
  instantRange,
  type ReportContext,
} from './report-context'

export const holderNameSql = `c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '')`

// One row per payment line; a cancelled payment is not money collected for the supplier.
const sql = `
  SELECT p.paid_at, p.receipt_number, a.number, coalesce(p.payer, ${holderNameSql}),
         o.full_name, p.method, f.name, s.short_name, l.service, l.amount, c.phone
    FROM payments p
    JOIN payment_lines l ON l.payment_id = p.id
    JOIN accounts a ON a.id = p.account_id
    JOIN customers c ON c.id = a.holder_id
    JOIN suppliers s ON s.id = l.supplier_id
    LEFT JOIN operators o ON o.id = p.operator_id
    LEFT JOIN offices f ON f.id = p.office_id
   WHERE p.paid_at >= @fromAt AND p.paid_at < @toAt
     AND NOT EXISTS (SELECT 1 FROM payment_cancellations x WHERE x.payment_id = p.id)
     AND (@office IS NULL OR p.office_id = @office)
     AND (@operator IS NULL OR p.operator_id = @operator)
     AND (@supplier IS NULL OR l.supplier_id = @supplier)
     AND (@service IS NULL OR l.service = @service)
   ORDER BY p.paid_at, p.receipt_number, l.service`

type Raw = [
  string,
  string | null,
  string,
  string,
  string | null,
  PaymentMethod,
  string | null,
  string,
  Service,
  number,
  string | null,
]

/** The payments register by day: who paid what to whom, with totals by cashier, method, supplier. */
export function paymentsRegister(ctx: ReportContext): ReportTable {
  const columns = reportColumns.payments
  const offset = offsetMinutes(ctx.now, ctx.timeZone)
  const statement = prepared(ctx.db.$client, sql).raw(true)
  const rows: CellValue[][] = []
  try {
    for (const r of statement.iterate({
      ...instantRange(ctx),
      ...filterParams(ctx),
    }) as Iterable<Raw>) {
      rows.push([
        dayAt(r[0], offset),
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        methodNames[r[5]],
        r[6],
        r[7],
        serviceNames[r[8]] ?? r[8],
        r[9],
        r[10],
      ])
    }
  } finally {
    statement.raw(false)
  }
  const byDay = summaryBy('По дням', rows, 0, 10)
  byDay.rows.sort((a, b) => (a.label < b.label ? -1 : 1))
  return {
    title: reportTitles.payments,
    sheetName: sheetNames.payments,
    filters: [
      ...filterLines(
        ctx,
        { period: true, office: true, operator: true, supplier: true, service: true },
        (s) => serviceNames[s as Service] ?? s,
      ),
      { label: filterLabels.cancelledExcluded, value: '' },
    ],
    columns,
    rows,
    totals: totalsRow(columns, rows),
    rowCount: rows.length,
    summaries: [
      summaryBy('По кассирам', rows, 5, 10),
      summaryBy('По способам оплаты', rows, 6, 10),
      summaryBy('По поставщикам', rows, 8, 10),
      byDay,
    ],
    chart: summaryChart('Сумма платежей по дням', byDay, 'money'),
  }
}
