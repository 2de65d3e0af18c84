import { sql } from 'drizzle-orm'
import { officeDate } from '../../src-shared/dates'
import { centralReportMessages } from '../../src-shared/reports/central'
import {
  reportRoles,
  screenRowLimit,
  type CentralReportKind,
  type ReportFilters,
} from '../../src-shared/reports/contract'
import type { ReportTable } from '../../src-shared/reports/table'
import type { Role } from '../../src-shared/operators/roles'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { settingsOn } from '../settings/settings'
import type { WorkstationIdentity } from '../workstation/credentials'
import { centralReport } from './central-reports'

export type CentralAnswer =
  { ok: true; table: ReportTable } | { ok: false; status: number; message: string }

/**
 * A company-wide report for the operator whose session the workstation's request carries. The
 * server decides from its own rows: a supervisor or admin of the central office (no office) sees
 * any branch or all of them; a branch's supervisor only their own branch.
 */
export async function answerCentralReport(
  db: ServerDb,
  ws: WorkstationIdentity,
  operatorId: string | null,
  body: { report: CentralReportKind; filters: ReportFilters; branchId: string | null },
  now = new Date(),
): Promise<CentralAnswer> {
  if (!operatorId) return { ok: false, status: 401, message: centralReportMessages.notLoggedIn }
  const operator = await queryRow<{ role: Role; officeId: string | null }>(
    db,
    sql`SELECT role, office_id AS "officeId" FROM operators WHERE id = ${operatorId}`,
  )
  if (!operator || !(reportRoles as readonly Role[]).includes(operator.role))
    return { ok: false, status: 403, message: centralReportMessages.notSupervisor }
  const central = operator.officeId === null
  if (!central && body.branchId !== null && body.branchId !== ws.branchId)
    return { ok: false, status: 403, message: centralReportMessages.otherBranch }
  const timeZone = (await settingsOn(db, officeDate(now, 'Europe/Moscow')))('officeTimeZone')
  const table = await centralReport(db, body.report, {
    timeZone,
    today: officeDate(now, timeZone),
    now,
    branchId: central ? body.branchId : ws.branchId,
    filters: body.filters,
  })
  // The screen's rows; the totals and summaries cover them all.
  return {
    ok: true,
    table: { ...table, rows: table.rows.slice(0, screenRowLimit) },
  }
}
