import { sql } from 'drizzle-orm'
import type { Service, TariffGroup } from '../../src-shared/accounts/domain'
import type { BillingMeter, BillingReading, PastLine } from '../../src-shared/billing/bill-service'
import type { BillingLaw, SettingRow } from '../../src-shared/billing/law-rows'
import { billingLawOf, billingSettingKeys } from '../../src-shared/billing/law-rows'
import { parseVolume, type TariffRate } from '../../src-shared/billing/tariff-split'
import type { Zone } from '../../src-shared/readings/domain'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'

// The period close reads an account range (a batch, in id order) with one statement per kind of
// row, never one per account; each returns rows keyed by account for the pure rules.

export interface BatchAccount {
  id: string
  number: string
  residents: number
  areaTenths: number | null
  tariffGroup: TariffGroup
  openedOn: string
  closedOn: string | null
}

export interface Range {
  branchId: string
  first: string
  last: string
}

/** The range's rows of a table (by its alias when the query joins). */
const inRange = (r: Range, alias = '') => {
  const a = alias ? `${alias}.` : ''
  return sql`${sql.raw(`${a}account_id`)} >= ${r.first} AND ${sql.raw(`${a}account_id`)} <= ${r.last}
             AND ${sql.raw(`${a}branch_id`)} = ${r.branchId}`
}

/** Billing's dated settings (global rows). */
export async function loadLaw(db: ServerDb): Promise<BillingLaw> {
  const rows = await queryRows<SettingRow>(
    db,
    sql`SELECT key, valid_from AS "validFrom", value FROM settings
         WHERE branch_id IS NULL AND deleted_at IS NULL
           AND key IN (${sql.join(
             billingSettingKeys.map((k) => sql`${k}`),
             sql`, `,
           )})`,
  )
  return billingLawOf(rows)
}

/** Every rate, by supplier, service, tariff group and zone. */
export async function loadTariffs(db: ServerDb): Promise<Map<string, TariffRate[]>> {
  const rows = await queryRows<{
    key: string
    validFrom: string
    validTo: string | null
    rate: number
  }>(
    db,
    sql`SELECT supplier_id || '|' || service || '|' || tariff_group || '|' || zone AS key,
               valid_from AS "validFrom", valid_to AS "validTo", rate_millikopecks AS rate
          FROM tariffs WHERE deleted_at IS NULL`,
  )
  const out = new Map<string, TariffRate[]>()
  for (const r of rows) {
    let list = out.get(r.key)
    if (!list) out.set(r.key, (list = []))
    list.push({ validFrom: r.validFrom, validTo: r.validTo, rateMillikopecks: Number(r.rate) })
  }
  return out
}

export const tariffKey = (supplierId: string, service: Service, group: TariffGroup, zone: Zone) =>
  `${supplierId}|${service}|${group}|${zone}`

/**
 * The accounts the period close still has to bill, in id order: open during the period and
 * without a bill for it yet (so a stopped run resumes with the rest).
 */
export async function accountsToBill(
  db: ServerDb,
  branchId: string,
  p: { period: string; start: string; next: string },
): Promise<BatchAccount[]> {
  const rows = await queryRows<{
    id: string
    number: string
    residents: number
    area: string | null
    tariffGroup: TariffGroup
    createdAt: string
    closedAt: string | null
  }>(
    db,
    sql`SELECT a.id, a.number, a.residents, a.total_area AS area, a.tariff_group AS "tariffGroup",
               a.created_at AS "createdAt", a.closed_at AS "closedAt"
          FROM accounts a
         WHERE a.branch_id = ${branchId} AND a.deleted_at IS NULL AND a.created_at < ${p.next}
           AND (a.status = 'open' OR a.closed_at >= ${p.start})
           AND NOT EXISTS (SELECT 1 FROM bills b
                            WHERE b.account_id = a.id AND b.period = ${p.period} AND b.deleted_at IS NULL)
         ORDER BY a.id`,
  )
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    residents: Number(r.residents),
    areaTenths: r.area === null || r.area === '' ? null : Math.round(Number(r.area) * 10),
    tariffGroup: r.tariffGroup,
    openedOn: r.createdAt.slice(0, 10),
    closedOn: r.closedAt ? r.closedAt.slice(0, 10) : null,
  }))
}

export interface AccountService {
  accountId: string
  service: Service
  supplierId: string
}

export async function loadServices(db: ServerDb, r: Range): Promise<AccountService[]> {
  return queryRows<AccountService>(
    db,
    sql`SELECT account_id AS "accountId", service, supplier_id AS "supplierId"
          FROM account_services WHERE ${inRange(r)} AND deleted_at IS NULL
         ORDER BY account_id, service`,
  )
}

export interface RangeMeter extends BillingMeter {
  accountId: string
  service: Service
}

/**
 * The meters of the range with the readings billing needs: per meter and zone the last billed
 * one, and every accepted one still standing (not deleted).
 */
export async function loadMeters(db: ServerDb, r: Range): Promise<RangeMeter[]> {
  const meterRows = await queryRows<{
    id: string
    accountId: string
    service: Service
    intDigits: number
    ratio: number
    installedAt: string
    removedAt: string | null
    nextVerificationAt: string | null
  }>(
    db,
    sql`SELECT id, account_id AS "accountId", service, int_digits AS "intDigits",
               transformation_ratio AS ratio, installed_at AS "installedAt",
               removed_at AS "removedAt", next_verification_at AS "nextVerificationAt"
          FROM meters WHERE ${inRange(r)} AND deleted_at IS NULL`,
  )
  const meters = new Map<string, RangeMeter>()
  for (const m of meterRows) {
    meters.set(m.id, {
      id: m.id,
      accountId: m.accountId,
      service: m.service,
      intDigits: Number(m.intDigits),
      transformationRatio: Number(m.ratio),
      installedAt: m.installedAt.slice(0, 10),
      removedAt: m.removedAt ? m.removedAt.slice(0, 10) : null,
      nextVerificationAt: m.nextVerificationAt ? m.nextVerificationAt.slice(0, 10) : null,
      readings: [],
    })
  }
  // Per meter and zone the newest billed reading (a sort of the range's billed history, in the
  // memory the run gives it), and the accepted ones not deleted: one scan of the range.
  const readings = await queryRows<BillingReading & { meterId: string }>(
    db,
    sql`SELECT DISTINCT ON (meter_id, zone) id, meter_id AS "meterId", zone, value,
               reading_date AS "readingDate", entered_at AS "enteredAt", period, status
          FROM readings WHERE ${inRange(r)} AND status = 'billed' AND deleted_at IS NULL
         ORDER BY meter_id, zone, reading_date DESC, entered_at DESC`,
  )
  const accepted = await queryRows<BillingReading & { meterId: string }>(
    db,
    sql`SELECT r.id, r.meter_id AS "meterId", r.zone, r.value, r.reading_date AS "readingDate",
               r.entered_at AS "enteredAt", r.period, r.status
          FROM readings r
         WHERE ${inRange(r, 'r')} AND r.status = 'accepted'
           AND r.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM reading_deletions d
                            WHERE d.reading_id = r.id AND d.deleted_at IS NULL)`,
  )
  for (const b of [...readings, ...accepted])
    meters.get(b.meterId)?.readings.push({ ...b, value: Number(b.value) })
  return [...meters.values()]
}

/**
 * Earlier charge and recalculation lines from `from` to before `period` that the rule reads: the
 * metered and the averaged ones (norm lines and paid services count in no average).
 */
export async function loadPastLines(
  db: ServerDb,
  r: Range,
  from: string,
  period: string,
): Promise<(PastLine & { accountId: string; service: Service })[]> {
  const rows = await queryRows<{
    accountId: string
    service: Service
    period: string
    zone: Zone | null
    kind: 'charge' | 'recalculation'
    basis: PastLine['basis']
    volume: string | null
    recalculatedPeriod: string | null
  }>(
    db,
    sql`SELECT account_id AS "accountId", service, period, zone, kind, basis, volume,
               recalculated_period AS "recalculatedPeriod"
          FROM charges
         WHERE ${inRange(r)} AND period >= ${from} AND period < ${period}
           AND basis IN ('meter', 'average') AND deleted_at IS NULL AND volume IS NOT NULL`,
  )
  return rows.map((row) => ({ ...row, ...parseVolume(row.volume!) }))
}

/**
 * The live lines of payment `p`, looked up by its index: joined plainly, the planner hashes the
 * whole payment_lines table for a batch's few thousand payments, a cost that grows with the
 * branch rather than the batch (OFFSET 0 keeps the lookup a nested loop).
 */
const paymentLines = sql`(SELECT supplier_id, service, amount FROM payment_lines l
        WHERE l.payment_id = p.id AND l.deleted_at IS NULL OFFSET 0) l`

export interface LedgerTotals {
  accountId: string
  supplierId: string
  service: Service
  /** Kopecks before the period, paid in it (less cancellations), penalties charged so far. */
  opening: number
  paid: number
  penaltiesCharged: number
  /** Debt whose grace ended by the calculation date, less what was paid before the period. */
  overdue: number
}

/**
 * Per account, supplier and service: the ledger's sums the bill header needs, and whether any
 * debt was overdue during the period (only those accounts have their history replayed for
 * penalties). `cut` is the last period whose grace ends by the calculation date.
 */
export async function loadLedgerTotals(
  db: ServerDb,
  r: Range,
  p: { period: string; start: string; next: string; cut: string; timeZone: string },
): Promise<LedgerTotals[]> {
  const day = (column: ReturnType<typeof sql>) =>
    sql`to_char((${column})::timestamptz AT TIME ZONE ${p.timeZone}, 'YYYY-MM-DD')`
  const rows = await queryRows<LedgerTotals>(
    db,
    sql`WITH led AS (
          SELECT account_id, supplier_id, service, amount, substr(date, 1, 7) AS period,
                 date AS day, 'opening' AS kind
            FROM opening_balances WHERE ${inRange(r)} AND deleted_at IS NULL
          UNION ALL
          SELECT account_id, supplier_id, service, amount, period, NULL, kind
            FROM charges WHERE ${inRange(r)} AND deleted_at IS NULL AND period < ${p.period}
          UNION ALL
          SELECT p.account_id, l.supplier_id, l.service, -l.amount, NULL, ${day(sql`p.paid_at`)},
                 'payment'
            FROM payments p CROSS JOIN LATERAL ${paymentLines}
           WHERE ${inRange(r, 'p')} AND p.deleted_at IS NULL
          UNION ALL
          SELECT p.account_id, l.supplier_id, l.service, l.amount, NULL, ${day(sql`c.cancelled_at`)},
                 'cancellation'
            FROM payment_cancellations c
            JOIN payments p ON p.id = c.payment_id
            CROSS JOIN LATERAL ${paymentLines}
           WHERE ${inRange(r, 'p')} AND c.deleted_at IS NULL
        )
        SELECT account_id AS "accountId", supplier_id AS "supplierId", service,
               coalesce(sum(amount) FILTER (WHERE kind IN ('opening', 'charge', 'recalculation', 'penalty')
                                             OR day < ${p.start}), 0)::bigint AS opening,
               coalesce(-sum(amount) FILTER (WHERE kind IN ('payment', 'cancellation')
                                              AND day >= ${p.start} AND day < ${p.next}), 0)::bigint AS paid,
               coalesce(sum(amount) FILTER (WHERE kind = 'penalty'), 0)::bigint AS "penaltiesCharged",
               coalesce(sum(amount) FILTER (WHERE (kind IN ('opening', 'charge', 'recalculation')
                                                   AND period <= ${p.cut})
                                             OR (kind IN ('payment', 'cancellation') AND day < ${p.start})), 0)::bigint
                 AS overdue
          FROM led GROUP BY account_id, supplier_id, service`,
  )
  return rows.map((row) => ({
    ...row,
    opening: Number(row.opening),
    paid: Number(row.paid),
    penaltiesCharged: Number(row.penaltiesCharged),
    overdue: Number(row.overdue),
  }))
}

export interface PenaltyHistory {
  accountId: string
  supplierId: string
  service: Service
  /** 'debt' rows: a period's charges (or an opening balance, by its date); 'payment': a day's money. */
  kind: 'debt' | 'opening' | 'payment'
  period: string | null
  day: string | null
  amount: number
}

/**
 * The whole debt and payment history of the accounts that owed past the grace: penalties are
 * replayed from it (payments cancelled later count as never made).
 */
export async function loadPenaltyHistory(
  db: ServerDb,
  r: Range,
  accountIds: string[],
  period: string,
  timeZone: string,
): Promise<PenaltyHistory[]> {
  if (accountIds.length === 0) return []
  // The range keeps the index scans narrow; the list picks the owing accounts in it.
  const ids = sql`ARRAY(SELECT json_array_elements_text(${JSON.stringify(accountIds)}::json))`
  const rows = await queryRows<PenaltyHistory>(
    db,
    sql`SELECT account_id AS "accountId", supplier_id AS "supplierId", service, 'debt' AS kind,
               period, NULL AS day, sum(amount)::bigint AS amount
          FROM charges WHERE ${inRange(r)} AND account_id = ANY(${ids})
           AND deleted_at IS NULL AND kind IN ('charge', 'recalculation') AND period <= ${period}
         GROUP BY account_id, supplier_id, service, period
        UNION ALL
        SELECT account_id, supplier_id, service, 'opening', substr(date, 1, 7), date, amount
          FROM opening_balances WHERE ${inRange(r)} AND account_id = ANY(${ids})
           AND deleted_at IS NULL
        UNION ALL
        SELECT p.account_id, l.supplier_id, l.service, 'payment', NULL,
               to_char(p.paid_at::timestamptz AT TIME ZONE ${timeZone}, 'YYYY-MM-DD'),
               sum(l.amount)::bigint
          FROM payments p CROSS JOIN LATERAL ${paymentLines}
         WHERE ${inRange(r, 'p')} AND p.account_id = ANY(${ids}) AND p.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM payment_cancellations c
                            WHERE c.payment_id = p.id AND c.deleted_at IS NULL)
         GROUP BY 1, 2, 3, 6`,
  )
  return rows.map((row) => ({ ...row, amount: Number(row.amount) }))
}
