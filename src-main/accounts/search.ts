import type { Statement } from 'better-sqlite3'
import { formatAddress, formatFullName } from '../../src-shared/accounts/domain'
import { searchMatchExpression } from '../../src-shared/accounts/search-terms'
import type { AccountSearchHit, AccountSearchResult } from '../../src-shared/accounts/types'
import type { Db } from '../db/connection'

interface HitRow {
  id: string
  number: string
  els: string | null
  status: 'open' | 'closed'
  region: string
  settlement: string
  street: string
  house: string
  building: string | null
  flat: string | null
  lastName: string
  firstName: string
  middleName: string | null
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

/** The bare FTS5 query, for the benchmark's baseline. */
export function rawSearchKeys(db: Db, match: string, limit: number): number[] {
  return statements(db).rawKeys.all(match, limit) as number[]
}

/**
 * Accounts matching every word the clerk typed (number, ELS, names, address, phone, serial),
 * an exact account number first.
 */
export function searchAccounts(db: Db, query: string, limit: number): AccountSearchResult {
  const match = searchMatchExpression(query)
  if (!match) return { hits: [], more: false }
  const s = statements(db)
  const rows = s.hits.all(match, limit + 1) as HitRow[]
  const more = rows.length > limit
  const hits = rows.slice(0, limit).map(toHit)
  const exact = s.byNumber.get(query.trim().toUpperCase()) as HitRow | undefined
  if (exact) {
    const rest = hits.filter((h) => h.id !== exact.id)
    return {
      hits: [toHit(exact), ...rest].slice(0, limit),
      more: more || (rest.length === hits.length && hits.length === limit),
    }
  }
  return { hits, more }
}
