import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { balanceOf, type LedgerEntry } from '../../src-shared/balances/ledger'
import { verificationStatus } from '../../src-shared/meters/verification'
import { rawSearchKeys, searchAccounts } from '../../src-main/accounts/search'
import { indexAccount } from '../../src-main/accounts/search-index'
import type { Db } from '../../src-main/db/connection'
import { openReplica } from '../../src-main/db/replica'
import { demoOperators, loadDemoData, type DemoSummary } from '../../src-main/demo/load'
import { verifyPassword } from '../../src-node/operators/password'
import { priceRows } from '../../src-main/service-requests/price-lookup'
import { serviceRequestKinds } from '../../src-shared/service-requests/domain'
import { priceInForce } from '../../src-shared/service-requests/price-list'

const today = '2026-11-20'
let dir: string
let db: Db
let summary: DemoSummary

function all<T>(sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[]
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'energo-demo-'))
  db = openReplica({ file: join(dir, 'replica.sqlite') })
  summary = loadDemoData(db, { seed: 11, accounts: 300, months: 6, today })
})

afterAll(() => {
  db.$client.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('a replica filled with demo data', () => {
  // Must stay the first statement after the load: on the connection that migrated the fresh
  // replica (a RENAME COLUMN) it used to answer SQLITE_LOCKED once.
  it('checkpoints on the loading connection at once', () => {
    expect(db.$client.pragma('wal_checkpoint(TRUNCATE)')).toEqual([
      { busy: 0, log: 0, checkpointed: 0 },
    ])
  })

  it('has the accounts and their history, with consistent links', () => {
    expect(summary.accounts).toBe(300)
    expect(summary.readings).toBeGreaterThan(300 * 6)
    expect(summary.payments).toBeGreaterThan(300 * 3)
    expect(db.$client.pragma('foreign_key_check')).toEqual([])
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    const keys = all<{ k: number }>('SELECT search_key AS k FROM accounts ORDER BY k').map(
      (r) => r.k,
    )
    expect(keys).toEqual(Array.from({ length: 300 }, (_, i) => i + 1))
  })

  it('refuses to load a second time', () => {
    expect(() => loadDemoData(db, { seed: 1, accounts: 1, months: 1, today })).toThrow(/already/)
  })

  it('finds every account by its number through the search index', () => {
    const accounts = all<{ id: string; number: string; k: number }>(
      'SELECT id, number, search_key AS k FROM accounts',
    )
    for (const a of accounts) {
      const hits = searchAccounts(db, a.number, 50).hits
      expect(hits[0]?.id, a.number).toBe(a.id)
      expect(rawSearchKeys(db, a.number, 50)).toContain(a.k)
    }
  })

  it('indexes an account as the app itself would (same hits after indexAccount)', () => {
    const rows = all<{
      id: string
      last: string
      first: string
      phone: string | null
      serial: string | null
    }>(
      `SELECT a.id, c.last_name AS last, c.first_name AS first, c.phone,
              (SELECT serial_number FROM meters m WHERE m.account_id = a.id LIMIT 1) AS serial
         FROM accounts a JOIN customers c ON c.id = a.holder_id ORDER BY a.search_key LIMIT 40`,
    )
    const queries = rows.flatMap((r) =>
      [`${r.last} ${r.first}`, r.phone, r.serial].filter((q): q is string => !!q),
    )
    const before = queries.map((q) => searchAccounts(db, q, 50).hits.map((h) => h.id))
    for (const r of rows) indexAccount(db, r.id)
    const after = queries.map((q) => searchAccounts(db, q, 50).hits.map((h) => h.id))
    expect(after).toEqual(before)
  })

  it('has readings that never go down, per meter and zone', () => {
    const readings = all<{
      meter: string
      zone: string
      value: number
      date: string
      consumption: number | null
    }>(
      `SELECT meter_id AS meter, zone, value, reading_date AS date, consumption
         FROM readings WHERE status != 'rejected' ORDER BY meter_id, zone, reading_date, entered_at`,
    )
    let prev: (typeof readings)[number] | null = null
    for (const r of readings) {
      if (prev && prev.meter === r.meter && prev.zone === r.zone) {
        expect(r.value, `${r.meter} ${r.zone} ${r.date}`).toBeGreaterThanOrEqual(prev.value)
        expect(r.consumption).not.toBeNull()
        expect(r.consumption as number).toBeGreaterThanOrEqual(0)
      }
      prev = r
    }
    // A rejected reading is the comma typed wrong: more digits than the meter has.
    const rejected = all<{ value: number; intDigits: number }>(
      `SELECT r.value, m.int_digits AS intDigits FROM readings r JOIN meters m ON m.id = r.meter_id
        WHERE r.status = 'rejected'`,
    )
    for (const r of rejected) expect(String(r.value).length).toBeGreaterThan(r.intDigits)
  })

  it('has meters past their verification, meters due soon, and accounts without meters', () => {
    const meters = all<{ next: string | null }>('SELECT next_verification_at AS next FROM meters')
    const statuses = meters.map((m) => verificationStatus(m.next, today))
    expect(statuses.filter((s) => s === 'expired').length).toBeGreaterThan(0)
    expect(statuses.filter((s) => s === 'due').length).toBeGreaterThan(0)
    expect(statuses.filter((s) => s === 'valid').length).toBeGreaterThan(meters.length / 2)
    const withoutMeters = all<{ n: number }>(
      'SELECT count(*) AS n FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM meters m WHERE m.account_id = a.id)',
    )[0]?.n
    expect(withoutMeters).toBeGreaterThan(0)
    const normCharges = all<{ n: number }>(
      "SELECT count(*) AS n FROM charges WHERE basis = 'norm' AND service = 'electricity'",
    )[0]?.n
    expect(normCharges).toBeGreaterThan(0)
  })

  it('has debtors: a ledger balance larger than the last bill', () => {
    const accounts = all<{ id: string }>("SELECT id FROM accounts WHERE status = 'open'")
    let debtors = 0
    for (const { id } of accounts) {
      const entries = all<Pick<LedgerEntry, 'kind' | 'amount'>>(
        `SELECT 'opening' AS kind, amount FROM opening_balances WHERE account_id = @id
         UNION ALL SELECT kind, amount FROM charges WHERE account_id = @id
         UNION ALL SELECT 'payment', l.amount FROM payment_lines l JOIN payments p ON p.id = l.payment_id
                    WHERE p.account_id = @id`,
        { id },
      )
      const lastBill = all<{ s: number }>(
        "SELECT coalesce(sum(amount), 0) AS s FROM charges WHERE account_id = ? AND period = '2026-10'",
        id,
      )[0]?.s as number
      if (balanceOf(entries) > lastBill) debtors += 1
    }
    expect(debtors).toBeGreaterThan(accounts.length * 0.04)
    expect(debtors).toBeLessThan(accounts.length * 0.3)
    const penalties = all<{ n: number }>(
      "SELECT count(*) AS n FROM charges WHERE kind = 'penalty'",
    )[0]?.n
    expect(penalties).toBeGreaterThan(0)
  })

  it('numbers office receipts uniquely and continues after them on this workstation', () => {
    const [r] = all<{ n: number; d: number }>(
      'SELECT count(*) AS n, count(DISTINCT receipt_number) AS d FROM payments WHERE receipt_number IS NOT NULL',
    )
    expect(r?.n).toBeGreaterThan(0)
    expect(r?.d).toBe(r?.n)
    expect(
      all('SELECT 1 FROM payments WHERE (channel = ?) != (receipt_number IS NOT NULL)', 'office'),
    ).toEqual([])
    const device = all<{ prefix: string; last: number; ws: string | null }>(
      'SELECT receipt_prefix AS prefix, last_receipt_number AS last, workstation_id AS ws FROM device_state',
    )[0]
    expect(device?.prefix).toBe(summary.receiptPrefix)
    expect(device?.ws).not.toBeNull()
    const max = all<{ m: number | null }>(
      `SELECT max(CAST(substr(receipt_number, length(@prefix) + 2) AS INTEGER)) AS m
         FROM payments WHERE receipt_number LIKE @prefix || '-%'`,
      { prefix: device?.prefix },
    )[0]?.m
    expect(device?.last).toBe(max ?? 0)
  })

  it('keeps all money in integer kopecks and payments equal to their lines', () => {
    for (const [table, column] of [
      ['opening_balances', 'amount'],
      ['charges', 'amount'],
      ['payments', 'amount'],
      ['payment_lines', 'amount'],
      ['tariffs', 'rate_millikopecks'],
    ]) {
      expect(
        all(`SELECT 1 FROM ${table} WHERE typeof(${column}) != 'integer' LIMIT 1`),
        table,
      ).toEqual([])
    }
    expect(
      all(`SELECT p.id FROM payments p JOIN payment_lines l ON l.payment_id = p.id
            GROUP BY p.id HAVING sum(l.amount) != p.amount`),
    ).toEqual([])
  })

  it('has a global price list: every service request kind priced today, some free', () => {
    const rows = priceRows(db)
    const inForce = serviceRequestKinds.map((kind) => priceInForce(rows, kind, today))
    expect(inForce.map((p) => p?.kind)).toEqual([...serviceRequestKinds])
    const supplierIds = all<{ id: string }>('SELECT id FROM suppliers').map((s) => s.id)
    for (const p of inForce) {
      expect(p?.validFrom).toBe('2020-01-01')
      expect(Number.isInteger(p?.price) && (p?.price ?? -1) >= 0).toBe(true)
      expect(supplierIds).toContain(p?.supplierId)
    }
    expect(inForce.filter((p) => p?.price === 0).length).toBeGreaterThan(0)
    expect(inForce.filter((p) => (p?.price ?? 0) > 0).length).toBeGreaterThan(0)
    expect(all(`SELECT 1 FROM price_list WHERE typeof(price) != 'integer'`)).toEqual([])
  })

  it('lets the demo operators log in with the documented passwords', () => {
    for (const o of demoOperators) {
      const row = all<{ hash: string; role: string }>(
        'SELECT password_hash AS hash, role FROM operators WHERE login = ?',
        o.login,
      )[0]
      expect(row?.role).toBe(o.role)
      expect(verifyPassword(o.password, row?.hash as string)).toBe(true)
    }
    expect(demoOperators.slice(0, 4).map((o) => `${o.login}/${o.password}`)).toEqual([
      'clerk/clerk123',
      'cashier/cashier123',
      'supervisor/supervisor123',
      'admin/admin123',
    ])
  })
})
