import { addMonths } from '../../src-shared/meters/verification'
import { officeDayEnd, officeDayStart } from '../../src-shared/audit/office-day'
import type { ReportFilters } from '../../src-shared/reports/contract'
import { filterLabels } from '../../src-shared/reports/labels'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/** What a report is built with: the replica, the office's calendar and the filters. */
export interface ReportContext {
  db: Db
  timeZone: string
  /** The office's date today (YYYY-MM-DD). */
  today: string
  now: Date
  filters: ReportFilters
}

/** The date range a report covers: the filters' dates, else this month up to today. */
export function dateRange(ctx: ReportContext): { from: string; to: string } {
  const to = ctx.filters.to ?? ctx.today
  const from = ctx.filters.from ?? `${to.slice(0, 7)}-01`
  return { from, to }
}

/** The range as instants [from, to) for columns holding ISO instants. */
export function instantRange(ctx: ReportContext): { fromAt: string; toAt: string } {
  const { from, to } = dateRange(ctx)
  return { fromAt: officeDayStart(from, ctx.timeZone), toAt: officeDayEnd(to, ctx.timeZone) }
}

/** The filters as named SQL parameters (null = not filtered). */
export function filterParams(ctx: ReportContext) {
  const f = ctx.filters
  return {
    office: f.officeId,
    operator: f.operatorId,
    supplier: f.supplierId,
    service: f.service,
  }
}

/** DD.MM.YYYY, as the filter lines above the table show dates. */
export function ruDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
}

function nameOf(ctx: ReportContext, sql: string, id: string | null): string {
  if (id === null) return filterLabels.all
  const name = prepared(ctx.db.$client, sql).pluck().get(id) as string | undefined
  return name ?? id
}

type FilterLine = { label: string; value: string }

/** The filters that name a row (in this order above the table) and how its name is read. */
const namedFilters = [
  { use: 'office', id: 'officeId', name: 'SELECT name FROM offices WHERE id = ?' },
  { use: 'operator', id: 'operatorId', name: 'SELECT full_name FROM operators WHERE id = ?' },
  { use: 'supplier', id: 'supplierId', name: 'SELECT short_name FROM suppliers WHERE id = ?' },
] as const

/** The filters that apply to a report, as lines written above its table. */
export function filterLines(
  ctx: ReportContext,
  uses: {
    period?: boolean
    asOf?: boolean
    office?: boolean
    operator?: boolean
    supplier?: boolean
    service?: boolean
  },
  serviceName: (code: string) => string,
): FilterLine[] {
  const f = ctx.filters
  const lines: FilterLine[] = []
  if (uses.period) {
    const { from, to } = dateRange(ctx)
    lines.push({ label: filterLabels.period, value: `${ruDate(from)} – ${ruDate(to)}` })
  }
  if (uses.asOf) lines.push({ label: filterLabels.asOf, value: ruDate(dateRange(ctx).to) })
  for (const filter of namedFilters) {
    if (uses[filter.use])
      lines.push({ label: filterLabels[filter.use], value: nameOf(ctx, filter.name, f[filter.id]) })
  }
  if (uses.service)
    lines.push({
      label: filterLabels.service,
      value: f.service === null ? filterLabels.all : serviceName(f.service),
    })
  return lines
}

/** The last date a meter report looks ahead to. */
export function verificationHorizon(ctx: ReportContext): string {
  return addMonths(dateRange(ctx).to, ctx.filters.months)
}

/** Office date of an ISO instant at a fixed UTC offset (the office's zone has no DST). */
export function dayAt(iso: string, offsetMinutes: number): string {
  return new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 10)
}
