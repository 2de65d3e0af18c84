import { formatAddress, type Service } from '../../src-shared/accounts/domain'
import { serviceNames } from '../../src-shared/documents/labels'
import { daysOverdue } from '../../src-shared/reports/aging'
import { reportColumns } from '../../src-shared/reports/columns'
import {
  filterLabels,
  reportTitles,
  sheetNames,
  verificationNames,
} from '../../src-shared/reports/labels'
import type { CellValue, ReportTable } from '../../src-shared/reports/table'
import { summaryBy, summaryChart, totalsRow } from '../../src-shared/reports/totals'
import { prepared } from '../db/prepared'
import { holderNameSql } from './payments-register'
import {
  dateRange,
  filterLines,
  filterParams,
  verificationHorizon,
  type ReportContext,
} from './report-context'
import type { AccountLineRow } from '../../src-shared/reports/account-line'

const serviceName = (s: string) => serviceNames[s as Service] ?? s

// A meter without a next verification date counts as expired (see verificationStatus).
const sql = `
  SELECT a.number AS account, ${holderNameSql} AS holder, a.region, a.settlement, a.street,
         a.house, a.building, a.flat, c.phone, m.service, m.model, m.serial_number AS serial,
         m.verified_at AS verifiedAt, m.next_verification_at AS nextVerification
    FROM meters m
    JOIN accounts a ON a.id = m.account_id
    JOIN customers c ON c.id = a.holder_id
   WHERE m.status = 'active' AND a.status = 'open'
     AND (m.next_verification_at IS NULL OR m.next_verification_at <= @horizon)
     AND (@office IS NULL OR a.office_id = @office)
     AND (@service IS NULL OR m.service = @service)
     AND (@supplier IS NULL OR EXISTS (
           SELECT 1 FROM account_services v
            WHERE v.account_id = a.id AND v.service = m.service AND v.supplier_id = @supplier))
   ORDER BY m.next_verification_at NULLS FIRST, a.number`

interface Row extends AccountLineRow {
  service: string
  model: string
  serial: string
  verifiedAt: string | null
  nextVerification: string | null
}

/** Meters whose verification has expired or expires within the chosen months. */
export function metersReport(ctx: ReportContext): ReportTable {
  const columns = reportColumns.meters
  const asOf = dateRange(ctx).to
  const raw = prepared(ctx.db.$client, sql).all({
    horizon: verificationHorizon(ctx),
    ...filterParams(ctx),
  }) as Row[]
  const rows: CellValue[][] = raw.map((r) => {
    const left = r.nextVerification === null ? null : daysOverdue(asOf, r.nextVerification)
    return [
      r.account,
      r.holder,
      formatAddress(r),
      r.phone,
      serviceName(r.service),
      r.model,
      r.serial,
      r.verifiedAt,
      r.nextVerification,
      left === null || left <= 0 ? verificationNames.expired : verificationNames.due,
      left,
    ]
  })
  const byStatus = summaryBy('По состоянию', rows, 9, null)
  return {
    title: reportTitles.meters,
    sheetName: sheetNames.meters,
    filters: [
      ...filterLines(ctx, { asOf: true, office: true, supplier: true, service: true }, serviceName),
      { label: filterLabels.months, value: String(ctx.filters.months) },
    ],
    columns,
    rows,
    totals: totalsRow(columns, rows),
    rowCount: rows.length,
    summaries: [byStatus, summaryBy('По услугам', rows, 4, null)],
    chart: summaryChart('Счетчики по состоянию поверки', byStatus, 'count'),
  }
}
