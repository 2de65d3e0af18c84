import type { Service } from '../../src-shared/accounts/domain'
import { billingLawOf } from '../../src-shared/billing/law-rows'
import { dueDateOf } from '../../src-shared/billing/penalties'
import { periodOf } from '../../src-shared/dates'
import { serviceNames } from '../../src-shared/documents/labels'
import type { OpenPeriod } from '../../src-shared/reports/aging'
import { bracketTitles as titlesOf, debtorCells } from '../../src-shared/reports/debtors'
import { reportColumns } from '../../src-shared/reports/columns'
import { filterLabels, reportTitles, sheetNames } from '../../src-shared/reports/labels'
import type { CellValue, ReportTable } from '../../src-shared/reports/table'
import { totalsRow } from '../../src-shared/reports/totals'
import { ApiFailure } from '../api/failure'
import { prepared } from '../db/prepared'
import { readSetting } from '../settings/settings'
import { holderNameSql } from './payments-register'
import { officeDayEnd, offsetMinutes } from '../../src-shared/audit/office-day'
import { dateRange, dayAt, filterLines, filterParams, type ReportContext } from './report-context'
import type { AccountLineRow } from '../../src-shared/reports/account-line'

/**
 * Per account owing on the date: the balance (charges and opening balances less payments not
 * cancelled), and which periods it is still open for. Payments settle the oldest charges first,
 * so what is open is the newest positive periods, back until they cover the balance.
 */
const sql = `
  WITH mv AS (
    SELECT account_id, period, sum(amount) AS amount FROM (
      SELECT account_id, period, amount FROM charges
       WHERE period <= @asOfPeriod
         AND (@supplier IS NULL OR supplier_id = @supplier)
         AND (@service IS NULL OR service = @service)
      UNION ALL
      SELECT account_id, substr(date, 1, 7), amount FROM opening_balances
       WHERE date <= @asOf
         AND (@supplier IS NULL OR supplier_id = @supplier)
         AND (@service IS NULL OR service = @service))
     GROUP BY account_id, period),
  paid AS (
    SELECT p.account_id, sum(l.amount) AS amount
      FROM payments p JOIN payment_lines l ON l.payment_id = p.id
     WHERE p.paid_at < @asOfEnd
       AND NOT EXISTS (SELECT 1 FROM payment_cancellations x
                        WHERE x.payment_id = p.id AND x.cancelled_at < @asOfEnd)
       AND (@supplier IS NULL OR l.supplier_id = @supplier)
       AND (@service IS NULL OR l.service = @service)
     GROUP BY p.account_id),
  owing AS (
    SELECT mv.account_id, sum(mv.amount) - coalesce(pd.amount, 0) AS balance
      FROM mv LEFT JOIN paid pd ON pd.account_id = mv.account_id
     GROUP BY mv.account_id
    HAVING balance > 0 AND balance >= coalesce(@minDebt, 1)),
  newest AS (
    SELECT mv.account_id, mv.period, mv.amount, o.balance,
           sum(mv.amount) OVER (PARTITION BY mv.account_id ORDER BY mv.period DESC
                                ROWS UNBOUNDED PRECEDING) - mv.amount AS newer
      FROM mv JOIN owing o ON o.account_id = mv.account_id
     WHERE mv.amount > 0),
  open AS (
    SELECT account_id, json_group_array(json_array(period, min(amount, balance - newer))) AS periods
      FROM newest WHERE newer < balance GROUP BY account_id)
  SELECT a.number AS account, ${holderNameSql} AS holder, a.region, a.settlement, a.street,
         a.house, a.building, a.flat, c.phone, o.balance, op.periods,
         (SELECT coalesce(sum(g.amount), 0) FROM charges g
           WHERE g.account_id = a.id AND g.kind = 'penalty' AND g.period <= @asOfPeriod) AS penalties,
         lp.paid_at AS lastPaidAt, lp.amount AS lastAmount
    FROM owing o
    JOIN accounts a ON a.id = o.account_id
    JOIN customers c ON c.id = a.holder_id
    JOIN open op ON op.account_id = o.account_id
    LEFT JOIN payments lp ON lp.id = (
      SELECT p.id FROM payments p
       WHERE p.account_id = a.id AND p.paid_at < @asOfEnd
         AND NOT EXISTS (SELECT 1 FROM payment_cancellations x WHERE x.payment_id = p.id)
       ORDER BY p.paid_at DESC LIMIT 1)
   WHERE (@office IS NULL OR a.office_id = @office)
   ORDER BY o.balance DESC, a.number`

interface Row extends AccountLineRow {
  balance: number
  periods: string
  penalties: number
  lastPaidAt: string | null
  lastAmount: number | null
}

/** Debtors on the report's end date with their debt's aging, penalties and last payment. */
export function debtorsReport(ctx: ReportContext): ReportTable {
  const asOf = dateRange(ctx).to
  // Billing's due date rule (the dated billDueDay), the same one the bills print.
  const dueDays = billingLawOf(
    prepared(
      ctx.db.$client,
      "SELECT key, valid_from AS validFrom, value FROM settings WHERE key = 'billDueDay'",
    ).all() as { key: string; validFrom: string; value: string }[],
  ).dueDays
  // The server's first start writes them and every workstation pulls them; a replica without
  // them has not synced yet.
  if (dueDays.length === 0)
    throw new ApiFailure(
      'conflict',
      'Не задан срок оплаты счетов (настройка billDueDay): синхронизируйте рабочее место с центральным сервером.',
    )
  const brackets = readSetting(ctx.db, 'debtAgingBrackets', asOf)
  const bracketTitles: Record<string, string> = titlesOf(brackets)
  const columns = reportColumns.debtors.map((c) =>
    bracketTitles[c.key] ? { ...c, title: bracketTitles[c.key]! } : c,
  )
  const offset = offsetMinutes(ctx.now, ctx.timeZone)
  const rules = {
    asOf,
    dueDate: (period: string) => dueDateOf(period, dueDays),
    brackets,
    minDays: ctx.filters.minDays ?? 0,
  }
  const rows: CellValue[][] = []
  const statement = prepared(ctx.db.$client, sql)
  const params = {
    asOf,
    asOfPeriod: periodOf(asOf),
    asOfEnd: officeDayEnd(asOf, ctx.timeZone),
    minDebt: ctx.filters.minDebt,
    ...filterParams(ctx),
  }
  for (const r of statement.iterate(params) as Iterable<Row>) {
    const open = (JSON.parse(r.periods) as [string, number][]).map(
      ([period, amount]): OpenPeriod => ({ period, amount }),
    )
    const cells = debtorCells(
      {
        ...r,
        open,
        lastPaidOn: r.lastPaidAt === null ? null : dayAt(r.lastPaidAt, offset),
      },
      rules,
    )
    if (cells) rows.push(cells)
  }
  const totals = totalsRow(columns, rows)
  const bucket = (i: number, label: string) => ({
    label,
    count: rows.filter((r) => (r[i] as number) > 0).length,
    amount: totals[i] as number,
  })
  const buckets = [
    bucket(5, 'Не просрочено'),
    bucket(6, bracketTitles.first!),
    bucket(7, bracketTitles.second!),
    bucket(8, bracketTitles.third!),
  ]
  const filters = filterLines(
    ctx,
    { asOf: true, office: true, supplier: true, service: true },
    (s) => serviceNames[s as Service] ?? s,
  )
  if (ctx.filters.minDebt !== null)
    filters.push({ label: filterLabels.minDebt, value: (ctx.filters.minDebt / 100).toFixed(2) })
  if (ctx.filters.minDays !== null)
    filters.push({ label: filterLabels.minDays, value: String(ctx.filters.minDays) })
  return {
    title: reportTitles.debtors,
    sheetName: sheetNames.debtors,
    filters,
    columns,
    rows,
    totals,
    rowCount: rows.length,
    summaries: [{ title: 'Долг по срокам просрочки', rows: buckets }],
    chart: {
      title: 'Долг по срокам просрочки',
      labels: buckets.map((b) => b.label),
      values: buckets.map((b) => b.amount),
      unit: 'money',
    },
  }
}
