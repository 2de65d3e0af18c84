import { formatAddress, type Service } from '../../src-shared/accounts/domain'
import { periodOf } from '../../src-shared/dates'
import { serviceNames } from '../../src-shared/documents/labels'
import type { ReadingSource, ReadingStatus } from '../../src-shared/readings/domain'
import { reportColumns } from '../../src-shared/reports/columns'
import {
  readingFlagNames,
  readingStatusNames,
  reportTitles,
  sheetNames,
  sourceNames,
} from '../../src-shared/reports/labels'
import type { CellValue, ReportTable } from '../../src-shared/reports/table'
import { summaryBy, summaryChart, totalsRow } from '../../src-shared/reports/totals'
import { prepared } from '../db/prepared'
import { holderNameSql } from './payments-register'
import {
  dateRange,
  filterLines,
  filterParams,
  instantRange,
  type ReportContext,
} from './report-context'
import type { AccountLineRow } from '../../src-shared/reports/account-line'

const serviceName = (s: string) => serviceNames[s as Service] ?? s

// A supplier filter keeps the readings of the services that supplier bills on the account.
const supplierOfMeter = `(@supplier IS NULL OR EXISTS (
  SELECT 1 FROM account_services v
   WHERE v.account_id = a.id AND v.service = m.service AND v.supplier_id = @supplier))`

const takenSql = `
  SELECT r.entered_at AS enteredAt, r.reading_date AS readingDate, a.number AS account,
         ${holderNameSql} AS holder, m.serial_number AS meter, r.zone, r.value, r.consumption,
         r.source, r.status, o.full_name AS clerk, r.flags, r.confirm_reason AS reason,
         s.full_name AS acceptedBy
    FROM readings r
    JOIN accounts a ON a.id = r.account_id
    JOIN customers c ON c.id = a.holder_id
    JOIN meters m ON m.id = r.meter_id
    LEFT JOIN operators o ON o.id = r.operator_id
    LEFT JOIN operators s ON s.id = r.accepted_by
   WHERE r.entered_at >= @fromAt AND r.entered_at < @toAt
     AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id)
     AND (@office IS NULL OR a.office_id = @office)
     AND (@operator IS NULL OR r.operator_id = @operator)
     AND (@service IS NULL OR m.service = @service)
     AND ${supplierOfMeter}
   ORDER BY r.entered_at, a.number, r.zone`

interface Taken {
  enteredAt: string
  readingDate: string
  account: string
  holder: string
  meter: string
  zone: string
  value: number
  consumption: number | null
  source: ReadingSource
  status: ReadingStatus
  clerk: string | null
  flags: string | null
  reason: string | null
  acceptedBy: string | null
}

function flagWords(flags: string | null): string | null {
  if (!flags) return null
  const codes = JSON.parse(flags) as string[]
  return codes.length === 0 ? null : codes.map((c) => readingFlagNames[c] ?? c).join(', ')
}

/** Readings taken in the period: by source, clerk and status; accepted warnings and their reasons. */
export function readingsReport(ctx: ReportContext): ReportTable {
  const columns = reportColumns.readings
  const raw = prepared(ctx.db.$client, takenSql).all({
    ...instantRange(ctx),
    ...filterParams(ctx),
  }) as Taken[]
  const rows: CellValue[][] = raw.map((r) => [
    r.enteredAt,
    r.readingDate,
    r.account,
    r.holder,
    r.meter,
    r.zone,
    r.value,
    r.consumption,
    sourceNames[r.source] ?? r.source,
    readingStatusNames[r.status] ?? r.status,
    r.clerk,
    flagWords(r.flags),
    r.reason,
    r.acceptedBy,
  ])
  const bySource = summaryBy('По источникам', rows, 8, null)
  const special = summaryBy('Особые случаи', rows, 0, null, (row) =>
    row[13] !== null
      ? 'Принято старшим смены'
      : row[12] !== null
        ? 'Предупреждение принято с причиной'
        : 'Без замечаний',
  )
  return {
    title: reportTitles.readings,
    sheetName: sheetNames.readings,
    filters: filterLines(
      ctx,
      { period: true, office: true, operator: true, supplier: true, service: true },
      serviceName,
    ),
    columns,
    rows,
    totals: totalsRow(columns, rows),
    rowCount: rows.length,
    summaries: [
      bySource,
      summaryBy('По операторам', rows, 10, null),
      summaryBy('По статусам', rows, 9, null),
      special,
    ],
    chart: summaryChart('Показания по источникам', bySource, 'count'),
  }
}

const missingSql = `
  SELECT a.number AS account, ${holderNameSql} AS holder, a.region, a.settlement, a.street,
         a.house, a.building, a.flat, c.phone, m.serial_number AS meter,
         (SELECT max(r.reading_date) FROM readings r WHERE r.meter_id = m.id
             AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id))
           AS lastReading,
         f.name AS office
    FROM meters m
    JOIN accounts a ON a.id = m.account_id
    JOIN customers c ON c.id = a.holder_id
    LEFT JOIN offices f ON f.id = a.office_id
   WHERE m.status = 'active' AND a.status = 'open'
     AND NOT EXISTS (SELECT 1 FROM readings r
                      WHERE r.meter_id = m.id AND r.period = @period AND r.status <> 'rejected'
                        AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id))
     AND (@office IS NULL OR a.office_id = @office)
     AND (@service IS NULL OR m.service = @service)
     AND ${supplierOfMeter}
   ORDER BY a.number, m.serial_number`

interface Missing extends AccountLineRow {
  meter: string
  lastReading: string | null
  office: string | null
}

/** Accounts with an active meter and no reading for the period of the report's end date. */
export function missingReadingsReport(ctx: ReportContext): ReportTable {
  const columns = reportColumns.missingReadings
  const period = periodOf(dateRange(ctx).to)
  const raw = prepared(ctx.db.$client, missingSql).all({
    period,
    ...filterParams(ctx),
  }) as Missing[]
  const rows: CellValue[][] = raw.map((r) => [
    r.account,
    r.holder,
    formatAddress(r),
    r.phone,
    r.meter,
    r.lastReading,
    r.office,
  ])
  const byOffice = summaryBy('По офисам', rows, 6, null)
  return {
    title: reportTitles.missingReadings,
    sheetName: sheetNames.missingReadings,
    filters: [
      { label: 'Расчетный период', value: `${period.slice(5, 7)}.${period.slice(0, 4)}` },
      ...filterLines(ctx, { office: true, supplier: true, service: true }, serviceName),
    ],
    columns,
    rows,
    totals: totalsRow(columns, rows),
    rowCount: rows.length,
    summaries: [byOffice],
    chart: null,
  }
}
