import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { loadServerDemo } from '../../src-server/admin/demo'
import {
  loadBatchInputs,
  type AccountInputs,
  type BatchPeriod,
  type Range,
} from '../../src-server/billing/inputs'
import { queryRows } from '../../src-server/db/query'
import { parseVolume } from '../../src-shared/billing/tariff-split'
import { useTestDatabase } from '../support/server'

// The period close reads a batch's inputs with one set-based statement (the newest billed reading
// per meter and zone from its own index, the ledger's sums in SQL). Here they are worked out the
// plain way instead, from every row of each table, and the two must agree for every account,
// hard cases included: a replaced meter, estimated periods and a recalculation of one, debts past
// their grace, a cancelled payment and a withdrawn reading.

const database = useTestDatabase()
const p: BatchPeriod = {
  period: '2026-11',
  start: '2026-11-01',
  next: '2026-12-01',
  cut: '2026-09',
  timeZone: 'Europe/Moscow',
  historyFrom: '2026-01',
}

type Rows = Record<string, unknown>[]
const rows = (q: ReturnType<typeof sql>) => queryRows<Record<string, unknown>>(database.db, q)
const group = (list: Rows, key = 'accountId') => {
  const m = new Map<string, Rows>()
  for (const r of list) {
    const k = String(r[key])
    m.set(k, [...(m.get(k) ?? []), r])
  }
  return m
}
const sum = (list: Rows, pick: (r: Record<string, unknown>) => boolean) =>
  list.filter(pick).reduce((s, r) => s + Number(r.amount), 0)
/** Order-free comparison: the rules read these as sets. */
const sorted = <T>(list: T[]) =>
  [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))

/** Each account's inputs from whole tables, grouped and picked in JS. */
async function plainInputs(ids: string[]): Promise<Map<string, AccountInputs>> {
  const day = (c: string) =>
    sql.raw(`to_char((${c})::timestamptz AT TIME ZONE '${p.timeZone}', 'YYYY-MM-DD')`)
  const services = group(
    await rows(sql`SELECT account_id AS "accountId", service, supplier_id AS "supplierId"
                     FROM account_services WHERE deleted_at IS NULL`),
  )
  const meters = group(
    await rows(sql`SELECT id, account_id AS "accountId", service, int_digits AS "intDigits",
                          transformation_ratio AS ratio, installed_at AS "installedAt",
                          removed_at AS "removedAt", next_verification_at AS "nextVerificationAt"
                     FROM meters WHERE deleted_at IS NULL`),
  )
  const readings = group(
    await rows(sql`SELECT r.id, r.meter_id AS "meterId", r.zone, r.value,
                          r.reading_date AS "readingDate", r.entered_at AS "enteredAt", r.period,
                          r.status,
                          EXISTS (SELECT 1 FROM reading_deletions d
                                   WHERE d.reading_id = r.id AND d.deleted_at IS NULL) AS withdrawn
                     FROM readings r WHERE r.deleted_at IS NULL`),
    'meterId',
  )
  const charges = group(
    await rows(sql`SELECT account_id AS "accountId", supplier_id AS "supplierId", service, period,
                          kind, basis, zone, volume, recalculated_period AS "recalculatedPeriod",
                          amount
                     FROM charges WHERE deleted_at IS NULL`),
  )
  const openings = group(
    await rows(sql`SELECT account_id AS "accountId", supplier_id AS "supplierId", service, amount,
                          date FROM opening_balances WHERE deleted_at IS NULL`),
  )
  const lines = group(
    await rows(sql`SELECT p.account_id AS "accountId", l.supplier_id AS "supplierId", l.service,
                          l.amount, p.deleted_at IS NOT NULL AS deleted, ${day('p.paid_at')} AS day,
                          (SELECT ${day('c.cancelled_at')} FROM payment_cancellations c
                            WHERE c.payment_id = p.id AND c.deleted_at IS NULL) AS "cancelledOn"
                     FROM payments p JOIN payment_lines l ON l.payment_id = p.id
                    WHERE l.deleted_at IS NULL`),
  )
  const out = new Map<string, AccountInputs>()
  for (const id of ids) {
    const own = (m: Map<string, Rows>) => m.get(id) ?? []
    const ledger = [
      ...own(openings).map((o) => ({
        ...o,
        kind: 'opening',
        period: String(o.date).slice(0, 7),
        day: o.date,
      })),
      ...own(charges).filter((c) => String(c.period) < p.period),
      ...own(lines)
        .filter((l) => !l.deleted)
        .map((l) => ({ ...l, kind: 'payment', amount: -Number(l.amount) })),
      ...own(lines)
        .filter((l) => l.cancelledOn)
        .map((l) => ({ ...l, kind: 'cancellation', day: l.cancelledOn })),
    ] as Rows
    const debt = ['opening', 'charge', 'recalculation']
    const money = ['payment', 'cancellation']
    const totals = [...group(ledger, 'supplierId')].flatMap(([, bySupplier]) =>
      [...group(bySupplier, 'service')].map(([, l]) => ({
        supplierId: String(l[0]!.supplierId),
        service: l[0]!.service as never,
        opening: sum(l, (r) => [...debt, 'penalty'].includes(String(r.kind)) || r.day! < p.start),
        paid:
          0 - sum(l, (r) => money.includes(String(r.kind)) && r.day! >= p.start && r.day! < p.next),
        penaltiesCharged: sum(l, (r) => r.kind === 'penalty'),
        overdue: sum(
          l,
          (r) =>
            (debt.includes(String(r.kind)) && String(r.period) <= p.cut) ||
            (money.includes(String(r.kind)) && r.day! < p.start),
        ),
      })),
    )
    const history: AccountInputs['history'] = []
    if (totals.some((t) => t.overdue > 0)) {
      const debts = new Map<string, number>()
      for (const c of own(charges).filter(
        (c) => ['charge', 'recalculation'].includes(String(c.kind)) && String(c.period) <= p.period,
      )) {
        const k = JSON.stringify([c.supplierId, c.service, c.period])
        debts.set(k, (debts.get(k) ?? 0) + Number(c.amount))
      }
      for (const [k, amount] of debts) {
        const [supplierId, service, period] = JSON.parse(k)
        history.push({ supplierId, service, kind: 'debt', period, day: null, amount })
      }
      for (const o of own(openings))
        history.push({
          supplierId: String(o.supplierId),
          service: o.service as never,
          kind: 'opening',
          period: String(o.date).slice(0, 7),
          day: String(o.date),
          amount: Number(o.amount),
        })
      const paid = new Map<string, number>()
      for (const l of own(lines).filter((l) => !l.deleted && !l.cancelledOn)) {
        const k = JSON.stringify([l.supplierId, l.service, l.day])
        paid.set(k, (paid.get(k) ?? 0) + Number(l.amount))
      }
      for (const [k, amount] of paid) {
        const [supplierId, service, d] = JSON.parse(k)
        history.push({ supplierId, service, kind: 'payment', period: null, day: d, amount })
      }
    }
    out.set(id, {
      services: own(services).map((s) => ({
        service: s.service as never,
        supplierId: String(s.supplierId),
      })),
      meters: own(meters).map((m) => {
        const standing = (readings.get(String(m.id)) ?? []).filter(
          (r) => r.status === 'accepted' && !r.withdrawn,
        )
        // Per zone the newest billed reading, by its date and then when it was entered.
        const billed = group(
          (readings.get(String(m.id)) ?? []).filter((r) => r.status === 'billed'),
          'zone',
        )
        for (const [, list] of billed) {
          const key = (r: Record<string, unknown>) => `${r.readingDate}|${r.enteredAt}`
          standing.push(list.reduce((a, b) => (key(b) > key(a) ? b : a)))
        }
        return {
          id: String(m.id),
          service: m.service as never,
          intDigits: Number(m.intDigits),
          transformationRatio: Number(m.ratio),
          installedAt: String(m.installedAt).slice(0, 10),
          removedAt: m.removedAt ? String(m.removedAt).slice(0, 10) : null,
          nextVerificationAt: m.nextVerificationAt
            ? String(m.nextVerificationAt).slice(0, 10)
            : null,
          readings: standing.map((r) => ({
            id: String(r.id),
            zone: r.zone as never,
            value: Number(r.value),
            readingDate: String(r.readingDate),
            enteredAt: String(r.enteredAt),
            period: String(r.period),
            status: r.status as never,
          })),
        }
      }),
      past: own(charges)
        .filter(
          (c) =>
            String(c.period) >= p.historyFrom &&
            String(c.period) < p.period &&
            ['meter', 'average'].includes(String(c.basis)) &&
            c.volume !== null,
        )
        .map((c) => ({
          service: c.service as never,
          period: String(c.period),
          zone: c.zone as never,
          kind: c.kind as never,
          basis: c.basis as never,
          ...parseVolume(String(c.volume)),
          recalculatedPeriod: (c.recalculatedPeriod as string | null) ?? null,
        })),
      totals,
      history,
    })
  }
  return out
}

const normal = (a: AccountInputs) => ({
  services: sorted(a.services),
  meters: sorted(a.meters.map((m) => ({ ...m, readings: sorted(m.readings) }))),
  past: sorted(a.past),
  totals: sorted(a.totals),
  history: sorted(a.history),
})

describe("a billing batch's inputs, read with one statement", () => {
  it('are what the rules would pick from every row, hard cases included', async () => {
    const { branchId } = await loadServerDemo(database.db, {
      seed: 11,
      accounts: 80,
      months: 12,
      today: '2026-11-20',
    })
    // A cancelled payment and a withdrawn reading, which the demo does not make.
    const [payment] = await rows(sql`SELECT id FROM payments ORDER BY id LIMIT 1`)
    await database.db.execute(
      sql`INSERT INTO payment_cancellations (id, payment_id, reason, cancelled_at, branch_id, sync_version)
          VALUES ('test-cancel', ${payment!.id}, 'ошибка', '2026-11-05T09:00:00.000Z', ${branchId}, 0)`,
    )
    const [reading] = await rows(
      sql`SELECT id FROM readings WHERE status = 'accepted' ORDER BY id LIMIT 1`,
    )
    await database.db.execute(
      sql`INSERT INTO reading_deletions (id, reading_id, reason, withdrawn_at, branch_id, sync_version)
          VALUES ('test-withdrawn', ${reading!.id}, 'ошибка', '2026-11-06T09:00:00.000Z', ${branchId}, 0)`,
    )

    // A late reading's recalculation of an estimated period, as a run after it writes one.
    const [estimated] = await rows(
      sql`SELECT account_id, supplier_id, service, period, zone FROM charges
           WHERE basis = 'average' AND kind = 'charge' ORDER BY id LIMIT 1`,
    )
    await database.db.execute(
      sql`INSERT INTO charges (id, account_id, supplier_id, service, period, kind, volume, basis,
                               rate_millikopecks, amount, created_at, branch_id, sync_version, zone,
                               recalculated_period)
          VALUES ('test-recalculation', ${estimated!.account_id}, ${estimated!.supplier_id},
                  ${estimated!.service}, '2026-10', 'recalculation', '-12', 'meter', 612345, -7348,
                  '2026-11-01T03:00:00.000Z', ${branchId}, 0, ${estimated!.zone},
                  ${estimated!.period})`,
    )

    const ids = (await rows(sql`SELECT id FROM accounts ORDER BY id`)).map((a) => String(a.id))
    const expected = await plainInputs(ids)
    // Two batches, so the range bounds are exercised too.
    const half = Math.floor(ids.length / 2)
    const ranges: Range[] = [
      { branchId, first: ids[0]!, last: ids[half - 1]! },
      { branchId, first: ids[half]!, last: ids.at(-1)! },
    ]
    const read = new Map<string, AccountInputs>()
    for (const r of ranges)
      for (const [id, inputs] of await loadBatchInputs(database.db, r, p)) read.set(id, inputs)

    expect([...read.keys()].sort()).toEqual(ids)
    for (const id of ids) expect(normal(read.get(id)!), id).toEqual(normal(expected.get(id)!))

    // The hard cases are there to compare.
    const all = [...read.values()]
    expect(all.some((a) => a.meters.some((m) => m.removedAt !== null))).toBe(true)
    expect(all.some((a) => a.past.some((l) => l.basis === 'average'))).toBe(true)
    expect(all.some((a) => a.past.some((l) => l.kind === 'recalculation'))).toBe(true)
    expect(all.some((a) => a.history.length > 0)).toBe(true)
    expect(
      all.some((a) => a.meters.some((m) => m.readings.some((x) => x.status === 'accepted'))),
    ).toBe(true)
    expect(all.flatMap((a) => a.meters.flatMap((m) => m.readings)).map((x) => x.id)).not.toContain(
      reading!.id,
    )
  })
})
