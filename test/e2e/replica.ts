import Database from 'better-sqlite3'
import { join } from 'node:path'
import { formatAddress, formatFullName } from '../../src-shared/accounts/domain'
import { e2eDataDir } from '../../playwright.config'

/** The same SQLite replica the web dev host serves, read directly to check what the UI shows. */
export function openE2eReplica(): Database.Database {
  return new Database(join(e2eDataDir, 'replica.sqlite'), { readonly: true, fileMustExist: true })
}

/**
 * SQL condition on `a` (accounts): an account of the demo data, not one another spec registered
 * during this run (those have their registration in the audit log). Specs that pick "the newest"
 * accounts stay out of each other's way.
 */
export const demoAccount = `NOT EXISTS (SELECT 1 FROM audit_log l
                                         WHERE l.action = 'account.register' AND l.account_id = a.id)`

/**
 * Stands in for the central server (the web dev host has none): writes into the replica what a
 * sync records when the server refuses a command.
 */
export function writeAsServerAnswer(write: (db: Database.Database) => void): void {
  const db = new Database(join(e2eDataDir, 'replica.sqlite'), { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    write(db)
  } finally {
    db.close()
  }
}

export interface SampleAccount {
  id: string
  number: string
  els: string
  lastName: string
  firstName: string
  middleName: string | null
  fullName: string
  phone: string
  street: string
  house: string
  flat: string
  address: string
  serial: string
  balance: number
}

/** An account that has every kind of key: ELS, phone, flat, a meter. */
export function sampleAccount(db: Database.Database, offset = 3): SampleAccount {
  const row = db
    .prepare(
      `SELECT a.id, a.number, a.els, a.region, a.settlement, a.street, a.house, a.building, a.flat,
              c.last_name AS lastName, c.first_name AS firstName, c.middle_name AS middleName, c.phone,
              (SELECT serial_number FROM meters m WHERE m.account_id = a.id ORDER BY serial_number LIMIT 1) AS serial
         FROM accounts a JOIN customers c ON c.id = a.holder_id
        WHERE a.els IS NOT NULL AND c.phone IS NOT NULL AND a.flat IS NOT NULL AND a.status = 'open'
          AND EXISTS (SELECT 1 FROM meters m WHERE m.account_id = a.id)
        ORDER BY a.search_key LIMIT 1 OFFSET ?`,
    )
    .get(offset) as Record<string, string | null>
  const balance = db
    .prepare(
      `SELECT coalesce((SELECT sum(amount) FROM opening_balances WHERE account_id = @id), 0)
            + coalesce((SELECT sum(amount) FROM charges WHERE account_id = @id), 0)
            - coalesce((SELECT sum(l.amount) FROM payment_lines l JOIN payments p ON p.id = l.payment_id
                         WHERE p.account_id = @id), 0)
            + coalesce((SELECT sum(l.amount) FROM payment_lines l JOIN payments p ON p.id = l.payment_id
                         JOIN payment_cancellations x ON x.payment_id = p.id WHERE p.account_id = @id), 0)`,
    )
    .pluck()
    .get({ id: row.id }) as number
  const name = { lastName: row.lastName!, firstName: row.firstName!, middleName: row.middleName }
  return {
    id: row.id!,
    number: row.number!,
    els: row.els!,
    ...name,
    fullName: formatFullName(name),
    phone: row.phone!,
    street: row.street!,
    house: row.house!,
    flat: row.flat!,
    address: formatAddress({
      region: row.region!,
      settlement: row.settlement!,
      street: row.street!,
      house: row.house!,
      building: row.building,
      flat: row.flat,
    }),
    serial: row.serial!,
    balance,
  }
}

/** Text as the UI prints it, with non-breaking and thin spaces made plain. */
export function plain(text: string | null): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim()
}

/** Kopecks as roubles the way ru-RU prints them, to compare with the UI. */
export function roubles(kopecks: number): string {
  return plain(
    new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' }).format(
      Math.abs(kopecks) / 100,
    ),
  )
}
