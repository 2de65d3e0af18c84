import type { Service } from '../../src-shared/accounts/domain'
import { serviceNames } from '../../src-shared/documents/labels'
import { reportColumns } from '../../src-shared/reports/columns'
import type { ReportKind } from '../../src-shared/reports/contract'
import { actionName, personalDataActions } from '../../src-shared/audit/actions'
import { reportTitles, sheetNames } from '../../src-shared/reports/labels'
import type { CellValue, ReportTable } from '../../src-shared/reports/table'
import { summaryBy, summaryChart, totalsRow } from '../../src-shared/reports/totals'
import { prepared } from '../db/prepared'
import { filterLines, filterParams, instantRange, type ReportContext } from './report-context'

const serviceName = (s: string) => serviceNames[s as Service] ?? s

// The office filter is the office of the workstation the action was taken at.
const activitySql = `
  SELECT coalesce(o.full_name, '—') AS operator, l.action, count(*) AS n, min(l.at) AS first,
         max(l.at) AS last
    FROM audit_log l
    LEFT JOIN operators o ON o.id = l.operator_id
    LEFT JOIN workstations w ON w.id = l.workstation_id
   WHERE l.at >= @fromAt AND l.at < @toAt
     AND (@operator IS NULL OR l.operator_id = @operator)
     AND (@office IS NULL OR w.office_id = @office)
   GROUP BY l.operator_id, l.action
   ORDER BY operator, n DESC`

/** What each operator did in the period, action by action. */
export function activityReport(ctx: ReportContext): ReportTable {
  const columns = reportColumns.activity
  const raw = prepared(ctx.db.$client, activitySql).all({
    ...instantRange(ctx),
    ...filterParams(ctx),
  }) as { operator: string; action: string; n: number; first: string; last: string }[]
  const rows: CellValue[][] = raw.map((r) => [
    r.operator,
    actionName(r.action),
    r.n,
    r.first,
    r.last,
  ])
  const byOperator = summaryBy('По операторам', rows, 0, 2)
  for (const line of byOperator.rows) line.count = line.amount
  return {
    title: reportTitles.activity,
    sheetName: sheetNames.activity,
    filters: filterLines(ctx, { period: true, office: true, operator: true }, serviceName),
    columns,
    rows,
    totals: totalsRow(columns, rows),
    rowCount: rows.length,
    summaries: [],
    chart: summaryChart('Действий по операторам', byOperator, 'count'),
  }
}

const accessSql = `
  SELECT l.at, o.full_name AS operator, w.name AS workstation, l.action, a.number AS account,
         l.details
    FROM audit_log l
    LEFT JOIN operators o ON o.id = l.operator_id
    LEFT JOIN workstations w ON w.id = l.workstation_id
    LEFT JOIN accounts a ON a.id = l.account_id
   WHERE l.action IN (${personalDataActions.map((a) => `'${a}'`).join(', ')})
     AND l.at >= @fromAt AND l.at < @toAt
     AND (@operator IS NULL OR l.operator_id = @operator)
     AND (@office IS NULL OR w.office_id = @office)
     AND (@account IS NULL OR a.number = @account)
   ORDER BY l.at, l.id`

/** What an export entry says: the report, its row count and the filters it ran with. */
function exportDetails(details: string | null): string | null {
  if (!details) return null
  const d = JSON.parse(details) as { report?: ReportKind; rows?: number; filters?: unknown }
  if (!d.report) return null
  const title = reportTitles[d.report] ?? d.report
  const set = Object.entries((d.filters ?? {}) as Record<string, unknown>)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${String(v)}`)
  return `${title}, строк: ${d.rows ?? 0}${set.length ? `; ${set.join(', ')}` : ''}`
}

/** Who viewed which account card or exported which report of personal data, and when. */
export function personalDataReport(ctx: ReportContext): ReportTable {
  const columns = reportColumns.personalData
  const raw = prepared(ctx.db.$client, accessSql).all({
    ...instantRange(ctx),
    ...filterParams(ctx),
    account: ctx.filters.account,
  }) as {
    at: string
    operator: string | null
    workstation: string | null
    action: string
    account: string | null
    details: string | null
  }[]
  const rows: CellValue[][] = raw.map((r) => [
    r.at,
    r.operator,
    r.workstation,
    actionName(r.action),
    r.account,
    r.action === 'report.export' ? exportDetails(r.details) : null,
  ])
  const byOperator = summaryBy('По операторам', rows, 1, null)
  return {
    title: reportTitles.personalData,
    sheetName: sheetNames.personalData,
    filters: [
      ...filterLines(ctx, { period: true, office: true, operator: true }, serviceName),
      ...(ctx.filters.account ? [{ label: 'Лицевой счет', value: ctx.filters.account }] : []),
    ],
    columns,
    rows,
    totals: totalsRow(columns, rows),
    rowCount: rows.length,
    summaries: [byOperator, summaryBy('По действиям', rows, 3, null)],
    chart: summaryChart('Обращений по операторам', byOperator, 'count'),
  }
}
