import { z } from 'zod'
import { calendarDate } from '../api/date-fields'
import { kopecksValue } from '../money/amount-field'
import { services } from '../accounts/domain'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import type { ReportTable } from './table'

/** The reports a supervisor runs over the branch's replica. */
export const reportKinds = [
  'payments',
  'shifts',
  'cancellations',
  'readings',
  'missingReadings',
  'debtors',
  'meters',
  'activity',
  'personalData',
] as const
export type ReportKind = (typeof reportKinds)[number]

/** Reports that list customers' personal data (names, phones, addresses) or who viewed them. */
export const personalDataReports: readonly ReportKind[] = [
  'payments',
  'cancellations',
  'readings',
  'missingReadings',
  'debtors',
  'meters',
  'personalData',
]

/** Supervisors and admins run and export reports. */
export const reportRoles = ['supervisor', 'admin'] as const

const isoDate = calendarDate()
const id = z.string().min(1).nullable().default(null)

export const reportFiltersSchema = z
  .object({
    from: labelled('Дата с', isoDate.nullable().default(null)),
    to: labelled('Дата по', isoDate.nullable().default(null)),
    officeId: labelled('Офис', id),
    operatorId: labelled('Оператор', id),
    supplierId: labelled('Поставщик', id),
    service: labelled('Услуга', z.enum(services).nullable().default(null)),
    /** Debtors: at least this debt, kopecks. */
    minDebt: labelled('Долг от', kopecksValue().nullable().default(null)),
    /** Debtors: the oldest overdue debt at least this many days late. */
    minDays: labelled(
      'Просрочка от, дней',
      z.number().int().min(0).max(36_500).nullable().default(null),
    ),
    /** Who viewed: the entries about this account (its number) only. */
    account: labelled(
      'Лицевой счет',
      z
        .string()
        .trim()
        .toUpperCase()
        .max(20, 'не длиннее 20 символов')
        .nullable()
        .optional()
        .transform((v) => v || null),
    ),
    /** Meters: verification expiring within this many months (expired ones always listed). */
    months: labelled('Поверка в течение, мес.', z.number().int().min(0).max(120).default(3)),
  })
  .refine((f) => f.from === null || f.to === null || f.from <= f.to, {
    message: 'Дата с: позже даты по',
    path: ['from'],
  })

export type ReportFilters = z.output<typeof reportFiltersSchema>
export type ReportFiltersInput = z.input<typeof reportFiltersSchema>

const reportInput = {
  report: labelled('Отчет', z.enum(reportKinds)),
  filters: reportFiltersSchema.default(reportFiltersSchema.parse({})),
}

/** Rows the screen receives at most; totals and the export always cover every row. */
export const screenRowLimit = 500

export type ExportState = 'running' | 'done' | 'failed' | 'cancelled'

export interface ExportStatus {
  jobId: string
  state: ExportState
  /** 0..1 */
  progress: number
  rows: number | null
  /** Where the file went (Electron), shown to the supervisor. */
  path: string | null
  /** Web dev host: the address the browser downloads the file from (once). */
  download: string | null
  fileName: string
  /** Russian, when failed. */
  error: string | null
}

/** The company-wide reports the central server builds for central supervisors while online. */
export const centralReportKinds = ['payments', 'debtors'] as const
export type CentralReportKind = (typeof centralReportKinds)[number]

export const centralReportInput = z.object({
  report: labelled('Отчет', z.enum(centralReportKinds)),
  filters: reportFiltersSchema.default(reportFiltersSchema.parse({})),
  /** One branch; null: the whole company (central supervisors only). */
  branchId: labelled('Филиал', z.string().min(1).nullable().default(null)),
})

export const reportChannels = {
  /** A report on screen: its first rows, the totals, summaries and chart over all of them. */
  'reports.run': channel<ReportTable>()({
    input: z.object(reportInput),
    roles: reportRoles,
  }),
  /** Starts an .xlsx export off the window's thread; null when the supervisor cancelled the save dialog. */
  'reports.export': channel<ExportStatus | null>()({
    input: z.object(reportInput),
    roles: reportRoles,
  }),
  /** A company-wide report, asked of the central server (online, logged in against it). */
  'reports.central': channel<ReportTable>()({
    input: centralReportInput,
    roles: reportRoles,
  }),
  'reports.exportStatus': channel<ExportStatus>()({
    input: z.object({ jobId: z.string().min(1) }),
    roles: reportRoles,
    passive: true,
  }),
  'reports.exportCancel': channel<ExportStatus>()({
    input: z.object({ jobId: z.string().min(1) }),
    roles: reportRoles,
  }),
}
