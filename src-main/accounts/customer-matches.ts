import type { PersonName, Address } from '../../src-shared/accounts/domain'
import { formatAddress, formatFullName } from '../../src-shared/accounts/domain'
import { readCustomerQuery } from '../../src-shared/accounts/customer-query'
import type { CustomerMatch } from '../../src-shared/accounts/types'
import type { Db } from '../db/connection'

const limit = 10

interface Row extends PersonName {
  id: string
  phone: string | null
  email: string | null
}

interface AccountRow extends Address {
  id: string
  number: string
  els: string | null
}

/**
 * Known customers by name, phone or ELS, with their accounts: a second account of the same
 * person is registered on them instead of a duplicate customer.
 */
export function findCustomers(db: Db, typed: string): CustomerMatch[] {
  const query = readCustomerQuery(typed)
  const columns = `c.id, c.last_name AS lastName, c.first_name AS firstName,
                   c.middle_name AS middleName, c.phone, c.email`
  let rows: Row[]
  switch (query.kind) {
    case 'none':
      return []
    case 'phone':
      rows = db.$client
        .prepare(
          `SELECT ${columns} FROM customers c WHERE c.phone LIKE ? ORDER BY c.last_name LIMIT ?`,
        )
        .all(`%${query.digits}`, limit) as Row[]
      break
    case 'els':
      rows = db.$client
        .prepare(
          `SELECT DISTINCT ${columns} FROM customers c JOIN accounts a ON a.holder_id = c.id
            WHERE a.els = ? LIMIT ?`,
        )
        .all(query.els, limit) as Row[]
      break
    case 'name':
      rows = db.$client
        .prepare(
          `SELECT ${columns} FROM customers c
            WHERE c.last_name >= @last AND c.last_name < @last || char(1114111)
              AND (@first IS NULL OR substr(c.first_name, 1, length(@first)) = @first)
            ORDER BY c.last_name, c.first_name LIMIT @limit`,
        )
        .all({ last: query.lastName, first: query.firstName, limit }) as Row[]
      break
  }
  const accountsOf = db.$client.prepare(
    `SELECT id, number, els, status, region, settlement, street, house, building, flat
       FROM accounts WHERE holder_id = ? ORDER BY number`,
  )
  return rows.map((c) => ({
    customerId: c.id,
    fullName: formatFullName(c),
    holder: {
      lastName: c.lastName,
      firstName: c.firstName,
      middleName: c.middleName,
      phone: c.phone,
      email: c.email,
    },
    accounts: (accountsOf.all(c.id) as AccountRow[]).map((a) => ({
      id: a.id,
      number: a.number,
      els: a.els,
      addressText: formatAddress(a),
    })),
  }))
}
