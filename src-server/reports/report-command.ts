import { writeFileSync } from 'node:fs'
import { officeDate } from '../../src-shared/dates'
import { offsetMinutes } from '../../src-shared/audit/office-day'
import { reportFiltersSchema } from '../../src-shared/reports/contract'
import { reportXlsx } from '../../src-node/reports/xlsx-export'
import type { ServerDb } from '../db/connection'
import { settingsOn } from '../settings/settings'
import { centralReport, centralReportKinds, type CentralReportKind } from './central-reports'

export interface ReportCommand {
  report: string
  from?: string
  to?: string
  branchId?: string
  out: string
  now?: Date
}

/**
 * `npm run server -- report payments|debtors ... --out file.xlsx`: a company-wide report written
 * as the workstation writes its exports. Returns the rows written.
 */
export async function runReportCommand(db: ServerDb, command: ReportCommand): Promise<number> {
  if (!(centralReportKinds as string[]).includes(command.report)) {
    throw new Error(`Отчет: один из ${centralReportKinds.join(', ')}.`)
  }
  const now = command.now ?? new Date()
  const timeZone = (await settingsOn(db, officeDate(now, 'Europe/Moscow')))('officeTimeZone')
  const filters = reportFiltersSchema.parse({ from: command.from ?? null, to: command.to ?? null })
  const table = await centralReport(db, command.report as CentralReportKind, {
    timeZone,
    today: officeDate(now, timeZone),
    now,
    branchId: command.branchId ?? null,
    filters,
  })
  writeFileSync(
    command.out,
    reportXlsx(table, { offsetMinutes: offsetMinutes(now, timeZone), builtAt: now.toISOString() }),
  )
  return table.rowCount
}
