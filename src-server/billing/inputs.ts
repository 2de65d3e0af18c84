import { sql } from 'drizzle-orm'
import type { Service, TariffGroup } from '../../src-shared/accounts/domain'
import type { BillingMeter, PastLine } from '../../src-shared/billing/bill-service'
import type { BillingLaw, SettingRow } from '../../src-shared/billing/law-rows'
import { billingLawOf, billingSettingKeys } from '../../src-shared/billing/law-rows'
import { parseVolume, type TariffRate } from '../../src-shared/billing/tariff-split'
import { zones, type Zone } from '../../src-shared/readings/domain'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'

// The period close reads an account range (a batch, in id order) with one statement, never one
// per account; it returns each account's inputs for the pure rules.

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
  service: Service
  supplierId: string
}

export interface RangeMeter extends BillingMeter {
  service: Service
}

export type RangePastLine = PastLine & { service: Service }

export interface LedgerTotals {
  supplierId: string
  service: Service
  /** Kopecks before the period, paid in it (less cancellations), penalties charged so far. */
  opening: number
  paid: number
  penaltiesCharged: number
  /** Debt whose grace ended by the calculation date, less what was paid before the period. */
  overdue: number
}

export interface PenaltyHistory {
  supplierId: string
  service: Service
  /** 'debt' rows: a period's charges (or an opening balance, by its date); 'payment': a day's money. */
  kind: 'debt' | 'opening' | 'payment'
  period: string | null
  day: string | null
  amount: number
}

/** Everything the pure rules read about one account of a batch. */
export interface AccountInputs {
  services: AccountService[]
  /** With the readings billing needs: per meter and zone the last billed one, and every accepted one still standing. */
  meters: RangeMeter[]
  /** Metered and averaged lines from `historyFrom` to before the period (norm lines and paid services count in no average). */
  past: RangePastLine[]
  /** Per supplier and service, the ledger's sums the bill header needs. */
  totals: LedgerTotals[]
  /** The whole debt and payment history, only when some debt was overdue (penalties are replayed from it). */
  history: PenaltyHistory[]
}

export interface BatchPeriod {
  period: string
  start: string
  next: string
  /** The last period whose grace ends by the calculation date. */
  cut: string
  timeZone: string
  /** The first period whose lines the average and the recalculations read. */
  historyFrom: string
}

/**
 * The live lines of payment `p`, looked up by its index: joined plainly, the planner hashes the
 * whole payment_lines table for a batch's few thousand payments, a cost that grows with the
 * branch rather than the batch (OFFSET 0 keeps the lookup a nested loop).
 */
const paymentLines = sql`(SELECT supplier_id, service, amount FROM payment_lines l
        WHERE l.payment_id = p.id AND l.deleted_at IS NULL OFFSET 0) l`

// The rows of `inputsOf` as its JSON arrays hold them (positional, to keep the text short): arrays
// of text, numbers too (json_agg of a text[] per row, not json_build_array, whose PostgreSQL 15
// looks up each argument's type again on every call: the read's CPU -5%).
type ServiceRow = [Service, string]
type MeterRow = [string, Service, string, string, string, string | null, string | null]
type ReadingRow = [string, string, Zone, string, string, string, string, 'accepted' | 'billed']
type PastRow = [
  Service,
  string,
  Zone | null,
  'charge' | 'recalculation',
  PastLine['basis'],
  string,
  string | null,
]
type TotalsRow = [string, Service, string, string, string, string]
type HistoryRow = [string, Service, PenaltyHistory['kind'], string | null, string | null, string]

/**
 * A batch's inputs in one statement: each table of the account range read once (the charges
 * serve the ledger's sums, the averages and the penalty history alike), the newest billed reading
 * per meter and zone looked up in its own index (readings_billed_idx: sorting the range's whole
 * billed history cost more than the rest of the readings' read) and the ledger's sums worked out
 * in SQL, and one row per account whose JSON
 * columns node-postgres decodes with one JSON.parse each rather than a JS object per row: the
 * reads were most of a run's time, a third of it in decoding some 60 rows per account.
 */
export async function loadBatchInputs(
  db: ServerDb,
  r: Range,
  p: BatchPeriod,
): Promise<Map<string, AccountInputs>> {
  // A payment's or cancellation's instant: its office day (to_char in the time zone, 1.1 us a
  // value) is worked out only for the penalty history; the period's bounds are compared as
  // instants instead (the office's midnight), the same days for every row.
  const instant = (column: ReturnType<typeof sql>) => sql`(${column})::timestamptz`
  // (A subquery: worked out once, not per row, when the plan is generic.)
  const midnight = (day: string) => sql`(SELECT ${day}::timestamp AT TIME ZONE ${p.timeZone})`
  const start = midnight(p.start)
  const next = midnight(p.next)
  const zoneList = sql`ARRAY[${sql.join(
    zones.map((z) => sql`${z}`),
    sql`, `,
  )}]::text[]`
  const rows = await queryRows<{
    id: string
    services: ServiceRow[] | null
    meters: MeterRow[] | null
    readings: ReadingRow[] | null
    past: PastRow[] | null
    totals: TotalsRow[] | null
    history: HistoryRow[] | null
  }>(
    db,
    sql`WITH ch AS MATERIALIZED (
          SELECT account_id, supplier_id, service, period, kind, basis, zone, volume,
                 recalculated_period, amount
            FROM charges WHERE ${inRange(r)} AND deleted_at IS NULL AND period <= ${p.period}
        ), ob AS MATERIALIZED (
          SELECT account_id, supplier_id, service, amount, date
            FROM opening_balances WHERE ${inRange(r)} AND deleted_at IS NULL
        ), pay AS MATERIALIZED (
          SELECT p.id, p.account_id, p.deleted_at, l.supplier_id, l.service, l.amount, p.at
            FROM (SELECT id, account_id, deleted_at, ${instant(sql`paid_at`)} AS at
                    FROM payments p WHERE ${inRange(r, 'p')} OFFSET 0) p
           CROSS JOIN LATERAL ${paymentLines}
        ), canc AS MATERIALIZED (
          SELECT c.payment_id, ${instant(sql`c.cancelled_at`)} AS at
            FROM payment_cancellations c
           WHERE c.deleted_at IS NULL AND c.payment_id IN (SELECT id FROM pay)
        ), led AS (
          -- Each ledger row's share of the sums, worked out in its own branch, where its kind is
          -- known: the sums then filter nothing per row (-7% of the read's CPU).
          -- opening: before the period; paid: money in it less cancellations; penalties charged;
          -- overdue: debts past their grace less money before the period.
          SELECT account_id, supplier_id, service, amount AS opening, 0 AS paid, 0 AS penalties,
                 CASE WHEN substr(date, 1, 7) <= ${p.cut} THEN amount ELSE 0 END AS overdue
            FROM ob
          UNION ALL
          SELECT account_id, supplier_id, service,
                 CASE WHEN kind IN ('charge', 'recalculation', 'penalty') THEN amount ELSE 0 END,
                 0,
                 CASE WHEN kind = 'penalty' THEN amount ELSE 0 END,
                 CASE WHEN kind IN ('charge', 'recalculation') AND period <= ${p.cut}
                      THEN amount ELSE 0 END
            FROM ch WHERE period < ${p.period}
          UNION ALL
          SELECT account_id, supplier_id, service,
                 CASE WHEN at < ${start} THEN -amount ELSE 0 END,
                 CASE WHEN at >= ${start} AND at < ${next} THEN amount ELSE 0 END,
                 0,
                 CASE WHEN at < ${start} THEN -amount ELSE 0 END
            FROM pay WHERE deleted_at IS NULL
          UNION ALL
          SELECT pay.account_id, pay.supplier_id, pay.service,
                 CASE WHEN canc.at < ${start} THEN pay.amount ELSE 0 END,
                 CASE WHEN canc.at >= ${start} AND canc.at < ${next} THEN -pay.amount ELSE 0 END,
                 0,
                 CASE WHEN canc.at < ${start} THEN pay.amount ELSE 0 END
            FROM canc JOIN pay ON pay.id = canc.payment_id
        ), totals AS MATERIALIZED (
          SELECT account_id, supplier_id, service, sum(opening)::bigint AS opening,
                 sum(paid)::bigint AS paid, sum(penalties)::bigint AS penalties,
                 sum(overdue)::bigint AS overdue
            FROM led GROUP BY account_id, supplier_id, service
        ), owing AS MATERIALIZED (
          SELECT DISTINCT account_id FROM totals WHERE overdue > 0
        ), hist AS (
          SELECT account_id, supplier_id, service, 'debt' AS kind, period, NULL AS day,
                 sum(amount)::bigint AS amount
            FROM ch WHERE kind IN ('charge', 'recalculation')
             AND account_id IN (SELECT account_id FROM owing)
           GROUP BY account_id, supplier_id, service, period
          UNION ALL
          SELECT account_id, supplier_id, service, 'opening', substr(date, 1, 7), date, amount
            FROM ob WHERE account_id IN (SELECT account_id FROM owing)
          UNION ALL
          SELECT account_id, supplier_id, service, 'payment', NULL,
                 to_char(at AT TIME ZONE ${p.timeZone}, 'YYYY-MM-DD') AS day, sum(amount)::bigint
            FROM pay WHERE deleted_at IS NULL AND account_id IN (SELECT account_id FROM owing)
             AND id NOT IN (SELECT payment_id FROM canc)
           GROUP BY account_id, supplier_id, service, 6
        ), standing AS (
          SELECT b.account_id, b.id, b.meter_id, b.zone, b.value, b.reading_date, b.entered_at,
                 b.period, b.status
            FROM meters m CROSS JOIN unnest(${zoneList}) z(zone)
            CROSS JOIN LATERAL (
              SELECT * FROM readings r
               WHERE r.meter_id = m.id AND r.zone = z.zone AND r.status = 'billed'
                 AND r.deleted_at IS NULL AND ${inRange(r, 'r')}
               ORDER BY r.reading_date DESC, r.entered_at DESC LIMIT 1) b
           WHERE ${inRange(r, 'm')} AND m.deleted_at IS NULL
          UNION ALL
          SELECT r.account_id, r.id, r.meter_id, r.zone, r.value, r.reading_date, r.entered_at,
                 r.period, r.status
            FROM readings r
           WHERE ${inRange(r, 'r')} AND r.status = 'accepted' AND r.deleted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM reading_deletions d
                              WHERE d.reading_id = r.id AND d.deleted_at IS NULL)
        )
        SELECT a.id, s.j AS services, m.j AS meters, rs.j AS readings, pl.j AS past,
               t.j AS totals, h.j AS history
          FROM accounts a
          LEFT JOIN (SELECT account_id, json_agg(ARRAY[service, supplier_id] ORDER BY service) j
                       FROM account_services WHERE ${inRange(r)} AND deleted_at IS NULL
                      GROUP BY account_id) s ON s.account_id = a.id
          LEFT JOIN (SELECT account_id,
                            json_agg(ARRAY[id, service, int_digits::text, transformation_ratio::text,
                                           installed_at, removed_at, next_verification_at]) j
                       FROM meters WHERE ${inRange(r)} AND deleted_at IS NULL
                      GROUP BY account_id) m ON m.account_id = a.id
          LEFT JOIN (SELECT account_id,
                            json_agg(ARRAY[id, meter_id, zone, value::text, reading_date, entered_at, period,
                                           status]) j
                       FROM standing GROUP BY account_id) rs ON rs.account_id = a.id
          LEFT JOIN (SELECT account_id,
                            json_agg(ARRAY[service, period, zone, kind, basis, volume, recalculated_period]) j
                       FROM ch
                      WHERE period >= ${p.historyFrom} AND period < ${p.period}
                        AND basis IN ('meter', 'average') AND volume IS NOT NULL
                      GROUP BY account_id) pl ON pl.account_id = a.id
          LEFT JOIN (SELECT account_id,
                            json_agg(ARRAY[supplier_id, service, opening::text, paid::text, penalties::text,
                                           overdue::text]) j
                       FROM totals GROUP BY account_id) t ON t.account_id = a.id
          LEFT JOIN (SELECT account_id,
                            json_agg(ARRAY[supplier_id, service, kind, period, day, amount::text]) j
                       FROM hist GROUP BY account_id) h ON h.account_id = a.id
         WHERE a.id >= ${r.first} AND a.id <= ${r.last} AND a.branch_id = ${r.branchId}`,
  )
  const out = new Map<string, AccountInputs>()
  for (const row of rows) {
    const meters = new Map<string, RangeMeter>()
    for (const m of row.meters ?? []) {
      meters.set(m[0], {
        id: m[0],
        service: m[1],
        intDigits: Number(m[2]),
        transformationRatio: Number(m[3]),
        installedAt: m[4].slice(0, 10),
        removedAt: m[5] ? m[5].slice(0, 10) : null,
        nextVerificationAt: m[6] ? m[6].slice(0, 10) : null,
        readings: [],
      })
    }
    // A reading of a meter deleted since is left out with it.
    for (const x of row.readings ?? []) {
      meters.get(x[1])?.readings.push({
        id: x[0],
        zone: x[2],
        value: Number(x[3]),
        readingDate: x[4],
        enteredAt: x[5],
        period: x[6],
        status: x[7],
      })
    }
    out.set(row.id, {
      services: (row.services ?? []).map(([service, supplierId]) => ({ service, supplierId })),
      meters: [...meters.values()],
      // Some 20 lines an account: the volume's fields named, not spread (a spread in the middle
      // of a literal copies them through the runtime).
      past: (row.past ?? []).map((l) => {
        const v = parseVolume(l[5])
        return {
          service: l[0],
          period: l[1],
          zone: l[2],
          kind: l[3],
          basis: l[4],
          volume: v.volume,
          decimals: v.decimals,
          recalculatedPeriod: l[6],
        }
      }),
      totals: (row.totals ?? []).map((t) => ({
        supplierId: t[0],
        service: t[1],
        opening: Number(t[2]),
        paid: Number(t[3]),
        penaltiesCharged: Number(t[4]),
        overdue: Number(t[5]),
      })),
      history: (row.history ?? []).map((h) => ({
        supplierId: h[0],
        service: h[1],
        kind: h[2],
        period: h[3],
        day: h[4],
        amount: Number(h[5]),
      })),
    })
  }
  return out
}
