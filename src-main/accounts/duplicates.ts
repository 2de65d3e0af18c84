import type { DuplicatesQuery } from '../../src-shared/accounts/change-schemas'
import {
  formatAddress,
  formatFullName,
  type AccountStatus,
  type Address,
  type PersonName,
} from '../../src-shared/accounts/domain'
import { normalizePhone } from '../../src-shared/accounts/phone'
import type { DuplicateCandidate } from '../../src-shared/accounts/types'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

type Parsed = Required<Pick<DuplicatesQuery, 'lastName'>> & DuplicatesQuery

interface Row extends Address, PersonName {
  id: string
  number: string
  status: AccountStatus
  phone: string | null
}

const limit = 10

/** Case, "ё" and spacing do not make another address. */
const norm = (v: string | null | undefined) =>
  (v ?? '').toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim()

const withFunctions = new WeakSet<object>()

/** SQLite's lower() knows only ASCII: Cyrillic addresses are compared with this one. */
function ensureFunctions(db: Db): void {
  if (withFunctions.has(db.$client)) return
  db.$client.function('ru_norm', { deterministic: true }, (v: unknown) =>
    norm(typeof v === 'string' ? v : null),
  )
  withFunctions.add(db.$client)
}

const columns = `a.id, a.number, a.status, a.region, a.settlement, a.street, a.house, a.building, a.flat,
  c.last_name AS lastName, c.first_name AS firstName, c.middle_name AS middleName, c.phone`

/**
 * Accounts that may be the one being typed in again, before it is saved: the same premises
 * (settlement, street, house, building, flat) with a holder or linked person of the same
 * surname, or the same phone on a holder or linked person. The clerk may still save.
 */
export function findDuplicates(db: Db, q: Parsed): DuplicateCandidate[] {
  ensureFunctions(db)
  const found = new Map<string, DuplicateCandidate>()
  const add = (row: Row, reason: 'address' | 'phone') => {
    if (row.id === q.exceptAccountId) return
    const known = found.get(row.id)
    if (known) {
      if (!known.reasons.includes(reason)) known.reasons.push(reason)
      return
    }
    found.set(row.id, {
      accountId: row.id,
      number: row.number,
      holderName: formatFullName(row),
      addressText: formatAddress(row),
      phone: row.phone,
      status: row.status,
      reasons: [reason],
    })
  }

  const a = q.address
  if (norm(q.lastName) && norm(a.house) && norm(a.street)) {
    const rows = prepared(
      db.$client,
      `SELECT ${columns} FROM accounts a JOIN customers c ON c.id = a.holder_id
        WHERE ru_norm(a.house) = @house AND ru_norm(a.street) = @street
          AND ru_norm(a.settlement) = @settlement
          AND ru_norm(coalesce(a.building, '')) = @building AND ru_norm(coalesce(a.flat, '')) = @flat
          AND (ru_norm(c.last_name) = @lastName OR EXISTS (
                SELECT 1 FROM account_persons p JOIN customers pc ON pc.id = p.customer_id
                 WHERE p.account_id = a.id AND ru_norm(pc.last_name) = @lastName))
        ORDER BY a.number LIMIT ${limit}`,
    ).all({
      house: norm(a.house),
      street: norm(a.street),
      settlement: norm(a.settlement),
      building: norm(a.building),
      flat: norm(a.flat),
      lastName: norm(q.lastName),
    }) as Row[]
    for (const row of rows) add(row, 'address')
  }

  const phone = q.phone ? normalizePhone(q.phone) : null
  if (phone) {
    const rows = prepared(
      db.$client,
      `SELECT ${columns} FROM accounts a JOIN customers c ON c.id = a.holder_id
        WHERE c.phone = @phone OR EXISTS (
              SELECT 1 FROM account_persons p JOIN customers pc ON pc.id = p.customer_id
               WHERE p.account_id = a.id AND pc.phone = @phone)
        ORDER BY a.number LIMIT ${limit}`,
    ).all({ phone }) as Row[]
    for (const row of rows) add(row, 'phone')
  }
  return [...found.values()]
}
