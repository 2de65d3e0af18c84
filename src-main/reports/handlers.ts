import { reportRoles, screenRowLimit } from '../../src-shared/reports/contract'
import { reportTitles } from '../../src-shared/reports/labels'
import type { Role } from '../../src-shared/operators/roles'
import type { DomainHandlers, HandlerContext } from '../api/dispatch'
import { officeToday } from '../api/context'
import { ApiFailure } from '../api/failure'
import { centralReportMessages } from '../../src-shared/reports/central'
import { askAsOperator } from '../sync/ask-as-operator'
import { buildReport } from './build-report'
import { exportFileName } from './export-destination'
import { dateRange } from './report-context'

const notFound = () => new ApiFailure('not_found', 'Выгрузка не найдена.')

/** The dispatch checks the role already; personal data never leaves for anyone else. */
function supervisorOf(ctx: HandlerContext): string {
  const session = ctx.session!
  if (!(reportRoles as readonly Role[]).includes(session.role))
    throw new ApiFailure('forbidden', 'Отчеты доступны старшему смены и администратору.')
  return session.operatorId
}

export const reportHandlers: DomainHandlers<'reports'> = {
  'reports.run': ({ report, filters }, ctx) => {
    supervisorOf(ctx)
    const { services } = ctx
    const table = buildReport(report, {
      db: services.db,
      timeZone: services.timeZone,
      today: officeToday(ctx),
      now: services.clock(),
      filters,
    })
    // The screen shows the first rows; the totals, summaries and chart cover them all.
    return table.rows.length > screenRowLimit
      ? { ...table, rows: table.rows.slice(0, screenRowLimit) }
      : table
  },

  'reports.export': ({ report, filters }, ctx) => {
    const operatorId = supervisorOf(ctx)
    const today = officeToday(ctx)
    const { from, to } = dateRange({ ...ctx.services, today, now: ctx.services.clock(), filters })
    return ctx.services.reportExports.start({
      report,
      filters,
      timeZone: ctx.services.timeZone,
      today,
      now: ctx.services.clock().toISOString(),
      fileName: exportFileName(reportTitles[report], filters.from === null ? null : from, to),
      operatorId,
    })
  },

  'reports.central': async (input, ctx) => {
    supervisorOf(ctx)
    return askAsOperator(ctx, centralReportMessages, (client) => client.centralReport(input))
  },

  'reports.exportStatus': ({ jobId }, ctx) => {
    const status = ctx.services.reportExports.status(jobId, supervisorOf(ctx))
    if (!status) throw notFound()
    return status
  },

  'reports.exportCancel': async ({ jobId }, ctx) => {
    const status = await ctx.services.reportExports.cancel(jobId, supervisorOf(ctx))
    if (!status) throw notFound()
    return status
  },
}
