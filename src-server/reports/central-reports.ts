import { sql } from 'drizzle-orm'
import type { Service } from '../../src-shared/accounts/domain'
import { dueDateOf } from '../../src-shared/billing/penalties'
import { periodOf } from '../../src-shared/dates'
import { methodNames, serviceNames } from '../../src-shared/documents/labels'
import { officeDayEnd, officeDayStart, offsetMinutes } from '../../src-shared/audit/office-day'
import type { PaymentMethod } from '../../src-shared/payments/domain'
import { debtorCells } from '../../src-shared/reports/debtors'
import { centralReportColumns } from '../../src-shared/reports/columns'
import type { ReportFilters } from '../../src-shared/reports/contract'
import { filterLabels, reportTitles } from '../../src-shared/reports/labels'
import type { CellValue, ReportTable } from '../../src-shared/reports/table'
import { summaryBy, summaryChart, totalsRow } from '../../src-shared/reports/totals'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'
import { loadLaw } from '../billing/inputs'
import { settingsOn } from '../settings/settings'
import type { AccountLineRow } from '../../src-shared/reports/account-line'

export type CentralReportKind = keyof typeof centralReportColumns
export const centralReportKinds = Object.keys(centralReportColumns) as CentralReportKind[]

export interface CentralReportContext {
  timeZone: string
  /** The office calendar's today (YYYY-MM-DD). */
  today: string
  now: Date
  /** One branch, or null for the whole company. */
  branchId: string | null
  filters: ReportFilters
}

const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
const day = (iso: string, offset: number) =>
  new Date(Date.parse(iso) + offset * 60_000).toISOString().slice(0, 10)
const holder = sql.raw(`c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '')`)
const live = (alias: string) => sql.raw(`${alias}.deleted_at IS NULL`)

function range(ctx: CentralReportContext) {
  const to = ctx.filters.to ?? ctx.today
  const from = ctx.filters.from ?? `${to.slice(0, 7)}-01`
  return { from, to }
}

async function branchLine(db: ServerDb, branchId: string | null) {
  if (branchId === null) return { label: 'Филиал', value: 'все филиалы' }
  const [row] = await queryRows<{ name: string }>(
    db,
    sql`SELECT name FROM branches WHERE id = ${branchId}`,
  )
  return { label: 'Филиал', value: row?.name ?? branchId }
}

/** The company's payments register: every branch's payment lines, cancelled payments left out. */
async function centralPayments(db: ServerDb, ctx: CentralReportContext): Promise<ReportTable> {
  const f = ctx.filters
  const { from, to } = range(ctx)
  const offset = offsetMinutes(ctx.now, ctx.timeZone)
  const raw = await queryRows<{
    branch: string
    paidAt: string
    receipt: string | null
    account: string
    payer: string
    cashier: string | null
    method: PaymentMethod
    office: string | null
    supplier: string
    service: Service
    amount: string | number
    phone: string | null
  }>(
    db,
    sql`SELECT b.name AS branch, p.paid_at AS "paidAt", p.receipt_number AS receipt,
               a.number AS account, coalesce(p.payer, ${holder}) AS payer,
               o.full_name AS cashier, p.method, f.name AS office, s.short_name AS supplier,
               l.service, l.amount, c.phone
          FROM payments p
          JOIN payment_lines l ON l.payment_id = p.id AND ${live('l')}
          JOIN accounts a ON a.id = p.account_id
          JOIN branches b ON b.id = a.branch_id
          JOIN customers c ON c.id = a.holder_id
          JOIN suppliers s ON s.id = l.supplier_id
          LEFT JOIN operators o ON o.id = p.operator_id
          LEFT JOIN offices f ON f.id = p.office_id
         WHERE ${live('p')}
           AND p.paid_at >= ${officeDayStart(from, ctx.timeZone)}
           AND p.paid_at < ${officeDayEnd(to, ctx.timeZone)}
           AND NOT EXISTS (SELECT 1 FROM payment_cancellations x
                            WHERE x.payment_id = p.id AND x.deleted_at IS NULL)
           AND (${ctx.branchId}::text IS NULL OR a.branch_id = ${ctx.branchId})
           AND (${f.officeId}::text IS NULL OR p.office_id = ${f.officeId})
           AND (${f.operatorId}::text IS NULL OR p.operator_id = ${f.operatorId})
           AND (${f.supplierId}::text IS NULL OR l.supplier_id = ${f.supplierId})
           AND (${f.service}::text IS NULL OR l.service = ${f.service})
         ORDER BY p.paid_at, p.receipt_number, l.service`,
  )
  const rows: CellValue[][] = raw.map((r) => [
    r.branch,
    day(r.paidAt, offset),
    r.paidAt,
    r.receipt,
    r.account,
    r.payer,
    r.cashier,
    methodNames[r.method] ?? r.method,
    r.office,
    r.supplier,
    serviceNames[r.service] ?? r.service,
    // PostgreSQL's bigint arrives as a string.
    Number(r.amount),
    r.phone,
  ])
  const columns = centralReportColumns.payments
  const byBranch = summaryBy('По филиалам', rows, 0, 11)
  return {
    title: `${reportTitles.payments} по компании`,
    sheetName: 'Платежи компании',
    filters: [
      await branchLine(db, ctx.branchId),
      { label: filterLabels.period, value: `${ru(from)} – ${ru(to)}` },
      { label: filterLabels.cancelledExcluded, value: '' },
    ],
    columns,
    rows,
    totals: totalsRow(columns, rows),
    rowCount: rows.length,
    summaries: [byBranch, summaryBy('По поставщикам', rows, 9, 11)],
    chart: summaryChart('Сумма платежей по филиалам', byBranch, 'money'),
  }
}

/** The company's debtors with aging: the same oldest-first settling as the branch report. */
async function centralDebtors(db: ServerDb, ctx: CentralReportContext): Promise<ReportTable> {
  const f = ctx.filters
  const asOf = range(ctx).to
  const asOfEnd = officeDayEnd(asOf, ctx.timeZone)
  const asOfPeriod = periodOf(asOf)
  const settings = await settingsOn(db, asOf)
  // Billing's due date rule (the dated billDueDay), the same one the bills print.
  const { dueDays } = await loadLaw(db)
  const brackets = settings('debtAgingBrackets')
  const offset = offsetMinutes(ctx.now, ctx.timeZone)
  const raw = await queryRows<
    AccountLineRow & {
      branch: string
      balance: string
      periods: [string, string | number][]
      penalties: string
      lastPaidAt: string | null
      lastAmount: string | null
    }
  >(
    db,
    sql`WITH mv AS (
          SELECT account_id, period, sum(amount) AS amount FROM (
            SELECT account_id, period, amount FROM charges
             WHERE deleted_at IS NULL AND period <= ${asOfPeriod}
               AND (${f.supplierId}::text IS NULL OR supplier_id = ${f.supplierId})
               AND (${f.service}::text IS NULL OR service = ${f.service})
            UNION ALL
            SELECT account_id, substr(date, 1, 7), amount FROM opening_balances
             WHERE deleted_at IS NULL AND date <= ${asOf}
               AND (${f.supplierId}::text IS NULL OR supplier_id = ${f.supplierId})
               AND (${f.service}::text IS NULL OR service = ${f.service})) m
           GROUP BY account_id, period),
        paid AS (
          SELECT p.account_id, sum(l.amount) AS amount
            FROM payments p JOIN payment_lines l ON l.payment_id = p.id AND l.deleted_at IS NULL
           WHERE p.deleted_at IS NULL AND p.paid_at < ${asOfEnd}
             AND NOT EXISTS (SELECT 1 FROM payment_cancellations x WHERE x.payment_id = p.id
                              AND x.deleted_at IS NULL AND x.cancelled_at < ${asOfEnd})
             AND (${f.supplierId}::text IS NULL OR l.supplier_id = ${f.supplierId})
             AND (${f.service}::text IS NULL OR l.service = ${f.service})
           GROUP BY p.account_id),
        owing AS (
          SELECT mv.account_id, sum(mv.amount) - coalesce(max(pd.amount), 0) AS balance
            FROM mv LEFT JOIN paid pd ON pd.account_id = mv.account_id
           GROUP BY mv.account_id
          HAVING sum(mv.amount) - coalesce(max(pd.amount), 0) >= greatest(coalesce(${f.minDebt}::bigint, 1), 1)),
        newest AS (
          SELECT mv.account_id, mv.period, mv.amount, o.balance,
                 sum(mv.amount) OVER (PARTITION BY mv.account_id ORDER BY mv.period DESC
                                      ROWS UNBOUNDED PRECEDING) - mv.amount AS newer
            FROM mv JOIN owing o ON o.account_id = mv.account_id
           WHERE mv.amount > 0),
        open AS (
          SELECT account_id, json_agg(json_build_array(period, least(amount, balance - newer))) AS periods
            FROM newest WHERE newer < balance GROUP BY account_id)
        SELECT b.name AS branch, a.number AS account, ${holder} AS holder, a.region, a.settlement,
               a.street, a.house, a.building, a.flat, c.phone, o.balance, op.periods,
               (SELECT coalesce(sum(g.amount), 0) FROM charges g
                 WHERE g.account_id = a.id AND g.kind = 'penalty' AND g.deleted_at IS NULL
                   AND g.period <= ${asOfPeriod}) AS penalties,
               lp.paid_at AS "lastPaidAt", lp.amount AS "lastAmount"
          FROM owing o
          JOIN accounts a ON a.id = o.account_id
          JOIN branches b ON b.id = a.branch_id
          JOIN customers c ON c.id = a.holder_id
          JOIN open op ON op.account_id = o.account_id
          LEFT JOIN LATERAL (
            SELECT p.paid_at, p.amount FROM payments p
             WHERE p.account_id = a.id AND p.deleted_at IS NULL AND p.paid_at < ${asOfEnd}
               AND NOT EXISTS (SELECT 1 FROM payment_cancellations x
                                WHERE x.payment_id = p.id AND x.deleted_at IS NULL)
             ORDER BY p.paid_at DESC LIMIT 1) lp ON true
         WHERE (${ctx.branchId}::text IS NULL OR a.branch_id = ${ctx.branchId})
           AND (${f.officeId}::text IS NULL OR a.office_id = ${f.officeId})
         ORDER BY o.balance DESC, a.number`,
  )
  const rules = {
    asOf,
    dueDate: (period: string) => dueDateOf(period, dueDays),
    brackets,
    minDays: f.minDays ?? 0,
  }
  const rows: CellValue[][] = []
  for (const r of raw) {
    // PostgreSQL's bigint arrives as a string.
    const cells = debtorCells(
      {
        ...r,
        balance: Number(r.balance),
        open: r.periods.map(([period, amount]) => ({ period, amount: Number(amount) })),
        penalties: Number(r.penalties),
        lastPaidOn: r.lastPaidAt === null ? null : day(r.lastPaidAt, offset),
        lastAmount: r.lastAmount === null ? null : Number(r.lastAmount),
      },
      rules,
    )
    if (cells) rows.push([r.branch, ...cells])
  }
  const columns = centralReportColumns.debtors
  const byBranch = summaryBy('По филиалам', rows, 0, 5)
  return {
    title: `${reportTitles.debtors} по компании`,
    sheetName: 'Должники компании',
    filters: [await branchLine(db, ctx.branchId), { label: filterLabels.asOf, value: ru(asOf) }],
    columns,
    rows,
    totals: totalsRow(columns, rows),
    rowCount: rows.length,
    summaries: [byBranch],
    chart: summaryChart('Долг по филиалам', byBranch, 'money'),
  }
}

/** A company-wide report over the central database. */
export function centralReport(
  db: ServerDb,
  report: CentralReportKind,
  ctx: CentralReportContext,
): Promise<ReportTable> {
  return report === 'payments' ? centralPayments(db, ctx) : centralDebtors(db, ctx)
}
