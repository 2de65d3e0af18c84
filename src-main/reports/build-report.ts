import type { ReportKind } from '../../src-shared/reports/contract'
import type { ReportTable } from '../../src-shared/reports/table'
import { activityReport, personalDataReport } from './audit-reports'
import { cancellationsReport } from './cancellations-report'
import { debtorsReport } from './debtors-report'
import { metersReport } from './meters-report'
import { paymentsRegister } from './payments-register'
import { missingReadingsReport, readingsReport } from './readings-report'
import type { ReportContext } from './report-context'
import { shiftsReport } from './shifts-report'

const builders: Record<ReportKind, (ctx: ReportContext) => ReportTable> = {
  payments: paymentsRegister,
  shifts: shiftsReport,
  cancellations: cancellationsReport,
  readings: readingsReport,
  missingReadings: missingReadingsReport,
  debtors: debtorsReport,
  meters: metersReport,
  activity: activityReport,
  personalData: personalDataReport,
}

/** Every row of a report over the replica, with its totals, summaries and chart. */
export function buildReport(report: ReportKind, ctx: ReportContext): ReportTable {
  return builders[report](ctx)
}
