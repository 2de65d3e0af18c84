import type { Statement } from 'better-sqlite3'
import {
  formatAddress,
  formatFullName,
  type Address,
  type PersonName,
} from '../../src-shared/accounts/domain'
import { searchPlan } from '../../src-shared/accounts/search-terms'
import type { AccountSearchHit, AccountSearchResult } from '../../src-shared/accounts/types'
import type { Db } from '../db/connection'

interface HitRow extends Address, PersonName {
  id: string
  number: string
  els: string | null
  status: 'open' | 'closed'
  phone: string | null
}

const hitColumns = `a.id, a.number, a.els, a.status, a.region, a.settlement, a.street, a.house, a.building, a.flat,
  c.last_name AS lastName, c.first_name AS firstName, c.middle_name AS middleName, c.phone`

interface Statements {
  rawKeys: Statement
  hits: Statement
  byNumber: Statement
}

// Prepared once per connection: preparing costs more than the search itself.
const prepared = new WeakMap<Db, Statements>()

function statements(db: Db): Statements {
  let s = prepared.get(db)
  if (!s) {
    const sqlite = db.$client
    s = {
      rawKeys: sqlite
        .prepare('SELECT rowid FROM account_search WHERE account_search MATCH ? LIMIT ?')
        .pluck(),
      hits: sqlite.prepare(
        `SELECT ${hitColumns}
           FROM (SELECT rowid AS k FROM account_search WHERE account_search MATCH ? LIMIT ?) s
           JOIN accounts a ON a.search_key = s.k
           JOIN customers c ON c.id = a.holder_id
          ORDER BY a.search_key`,
      ),
      byNumber: sqlite.prepare(
        `SELECT ${hitColumns} FROM accounts a JOIN customers c ON c.id = a.holder_id WHERE a.number = ?`,
      ),
    }
    prepared.set(db, s)
  }
  return s
}

function toHit(r: HitRow): AccountSearchHit {
  return {
    id: r.id,
    number: r.number,
    els: r.els,
    status: r.status,
    holderName: formatFullName(r),
    address: formatAddress(r),
    phone: r.phone,
  }
}

/** Runs the plan: whole words first, then the typed prefix to fill up to `limit`. */
function planned<T>(
  query: string,
  limit: number,
  run: (match: string, limit: number) => T[],
  key: (row: T) => unknown,
): T[] {
  const plan = searchPlan(query)
  if (!plan) return []
  const rows = run(plan.exact, limit)
  if (rows.length >= limit || plan.prefix === plan.exact) return rows
  const seen = new Set(rows.map(key))
  for (const row of run(plan.prefix, limit)) {
    if (rows.length >= limit) break
    if (!seen.has(key(row))) rows.push(row)
  }
  return rows
}

/** The same FTS5 lookups alone, without fetching the accounts: the benchmark's baseline. */
export function rawSearchKeys(db: Db, query: string, limit: number): number[] {
  const s = statements(db)
  return planned(
    query,
    limit,
    (match, n) => s.rawKeys.all(match, n) as number[],
    (k) => k,
  )
}

/**
 * Accounts matching every word the clerk typed (number, ELS, names, address, phone, serial):
 * an exact account number first, then whole-word matches, then prefix matches.
 */
export function searchAccounts(db: Db, query: string, limit: number): AccountSearchResult {
  const s = statements(db)
  const rows = planned(
    query,
    limit + 1,
    (match, n) => s.hits.all(match, n) as HitRow[],
    (r) => r.id,
  )
  if (rows.length === 0) return { hits: [], more: false }
  const exact = s.byNumber.get(query.trim().toUpperCase()) as HitRow | undefined
  const ordered = exact ? [exact, ...rows.filter((r) => r.id !== exact.id)] : rows
  return { hits: ordered.slice(0, limit).map(toHit), more: ordered.length > limit }
}
