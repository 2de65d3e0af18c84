import { formatAddress, formatFullName, type ConsentKind } from '../../src-shared/accounts/domain'
import type {
  AccountCard,
  ChargeLine,
  ConsentState,
  HolderAccount,
  LinkedPerson,
  LinkedPersonRow,
  MeterSummary,
  PaymentLine,
  ReadingLine,
} from '../../src-shared/accounts/types'
import {
  balanceOf,
  balancesBySupplierService,
  type LedgerEntry,
} from '../../src-shared/balances/ledger'
import { verificationStatus } from '../../src-shared/meters/verification'
import { ApiFailure } from '../api/failure'
import { meterLastReadings } from '../meters/meter-history'
import type { Db } from '../db/connection'
import { closedPeriodsOf } from '../readings/entry-context'

/** How many recent readings, charges and payments the card shows. */
const recentCount = 12

type Row = Record<string, unknown>

/** A person's full name and phone as the card shows them, from the customers columns. */
function nameAndPhone(c: Row): { fullName: string; phone: string | null } {
  return {
    fullName: formatFullName({
      lastName: c.last_name as string,
      firstName: c.first_name as string,
      middleName: c.middle_name as string | null,
    }),
    phone: c.phone as string | null,
  }
}

function all<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[]
}

function ledgerEntries(db: Db, accountId: string): LedgerEntry[] {
  return all<LedgerEntry>(
    db,
    `SELECT 'opening' AS kind, supplier_id AS supplierId, service, amount FROM opening_balances WHERE account_id = @accountId
     UNION ALL
     SELECT kind, supplier_id, service, amount FROM charges WHERE account_id = @accountId
     UNION ALL
     SELECT 'payment', l.supplier_id, l.service, l.amount
       FROM payment_lines l JOIN payments p ON p.id = l.payment_id WHERE p.account_id = @accountId
     UNION ALL
     SELECT 'cancellation', l.supplier_id, l.service, l.amount
       FROM payment_lines l JOIN payments p ON p.id = l.payment_id
       JOIN payment_cancellations x ON x.payment_id = p.id WHERE p.account_id = @accountId`,
    { accountId },
  )
}

function meters(db: Db, accountId: string, today: string): MeterSummary[] {
  return all<Row>(
    db,
    `SELECT id, service, model, serial_number AS serialNumber, zones, int_digits AS intDigits,
            frac_digits AS fracDigits, transformation_ratio AS transformationRatio,
            accuracy_class AS accuracyClass, phases, location, installed_at AS installedAt,
            verified_at AS verifiedAt, next_verification_at AS nextVerificationAt, seals, status,
            removed_at AS removedAt
       FROM meters WHERE account_id = ? ORDER BY status, service, installed_at`,
    accountId,
  ).map((m) => ({
    ...(m as unknown as Omit<MeterSummary, 'seals' | 'verification' | 'lastReadings'>),
    seals: JSON.parse(m.seals as string) as string[],
    verification: verificationStatus(m.nextVerificationAt as string | null, today),
    lastReadings: meterLastReadings(db, m.id as string),
  }))
}

function consents(db: Db, accountId: string): ConsentState[] {
  // The latest record per kind is the one in force.
  return all<{ kind: ConsentKind; given: number; date: string }>(
    db,
    `SELECT kind, given, date FROM consents c
      WHERE account_id = @accountId
        AND id = (SELECT id FROM consents WHERE account_id = @accountId AND kind = c.kind
                   ORDER BY date DESC, created_at DESC LIMIT 1)
      ORDER BY kind`,
    { accountId },
  ).map((c) => ({ kind: c.kind, given: c.given === 1, date: c.date }))
}

function holderAccounts(db: Db, holderId: string): HolderAccount[] {
  return all<Row>(
    db,
    `SELECT id, number, status, region, settlement, street, house, building, flat
       FROM accounts WHERE holder_id = ? ORDER BY number`,
    holderId,
  ).map((r) => ({
    id: r.id as string,
    number: r.number as string,
    status: r.status as HolderAccount['status'],
    addressText: formatAddress(r as unknown as Parameters<typeof formatAddress>[0]),
  }))
}

/** Everything the clerk sees on the card of one account (read only). */
export function accountCard(db: Db, accountId: string, today: string): AccountCard {
  const a = db.$client
    .prepare(
      `SELECT a.*, b.name AS branch_name, o.name AS office_name,
              c.last_name, c.first_name, c.middle_name, c.phone, c.email
         FROM accounts a
         JOIN branches b ON b.id = a.branch_id
         LEFT JOIN offices o ON o.id = a.office_id
         JOIN customers c ON c.id = a.holder_id
        WHERE a.id = ?`,
    )
    .get(accountId) as Row | undefined
  if (!a) throw new ApiFailure('not_found', 'Лицевой счет не найден.')

  const address = {
    region: a.region as string,
    settlement: a.settlement as string,
    street: a.street as string,
    house: a.house as string,
    building: a.building as string | null,
    flat: a.flat as string | null,
  }
  const persons = all<Row>(
    db,
    `SELECT p.id, p.customer_id, p.relation, c.last_name, c.first_name, c.middle_name, c.phone
       FROM account_persons p JOIN customers c ON c.id = p.customer_id
      WHERE p.account_id = ? ORDER BY c.last_name, c.first_name`,
    accountId,
  ).map((p): LinkedPersonRow => ({
    linkId: p.id as string,
    customerId: p.customer_id as string,
    relation: p.relation as LinkedPerson['relation'],
    ...nameAndPhone(p),
  }))

  const supplierNames = new Map(
    all<{ id: string; name: string }>(db, 'SELECT id, short_name AS name FROM suppliers').map(
      (s) => [s.id, s.name],
    ),
  )
  const entries = ledgerEntries(db, accountId)
  const balances = balancesBySupplierService(entries).map((b) => ({
    ...b,
    supplierName: supplierNames.get(b.supplierId) ?? b.supplierId,
  }))

  const readings = all<ReadingLine>(
    db,
    `SELECT r.id, m.serial_number AS meterSerial, r.zone, r.reading_date AS readingDate,
            r.raw_value AS value, r.consumption, r.source, r.status, r.period
       FROM readings r JOIN meters m ON m.id = r.meter_id
      WHERE r.account_id = ? ORDER BY r.reading_date DESC, m.serial_number, r.zone LIMIT ?`,
    accountId,
    recentCount,
  )
  const charges = all<Omit<ChargeLine, 'supplierName'> & { supplierId: string }>(
    db,
    `SELECT id, period, supplier_id AS supplierId, service, kind, volume, amount
       FROM charges WHERE account_id = ? ORDER BY period DESC, service, kind LIMIT ?`,
    accountId,
    recentCount,
  ).map(({ supplierId, ...c }) => ({
    ...c,
    supplierName: supplierNames.get(supplierId) ?? supplierId,
  }))
  const payments = all<Omit<PaymentLine, 'cancelled'> & { cancelled: number }>(
    db,
    `SELECT p.id, p.paid_at AS paidAt, p.amount, p.method, p.channel, p.receipt_number AS receiptNumber,
            EXISTS (SELECT 1 FROM payment_cancellations x WHERE x.payment_id = p.id) AS cancelled
       FROM payments p WHERE p.account_id = ? ORDER BY p.paid_at DESC LIMIT ?`,
    accountId,
    recentCount,
  ).map((p) => ({ ...p, cancelled: p.cancelled === 1 }))

  return {
    id: a.id as string,
    number: a.number as string,
    els: a.els as string | null,
    status: a.status as AccountCard['status'],
    closedAt: a.closed_at as string | null,
    branchName: a.branch_name as string,
    officeName: a.office_name as string | null,
    address,
    addressText: formatAddress(address),
    totalArea: a.total_area as string | null,
    livingArea: a.living_area as string | null,
    rooms: a.rooms as number | null,
    residents: a.residents as number,
    tariffGroup: a.tariff_group as AccountCard['tariffGroup'],
    holder: {
      customerId: a.holder_id as string,
      relation: a.holder_relation as LinkedPerson['relation'],
      ...nameAndPhone(a),
      email: a.email as string | null,
    },
    persons,
    holderAccounts: holderAccounts(db, a.holder_id as string),
    closeReason: a.close_reason as string | null,
    consents: consents(db, accountId),
    meters: meters(db, accountId, today),
    balances,
    totalBalance: balanceOf(entries),
    readings,
    charges,
    closedPeriods: closedPeriodsOf(db, accountId),
    payments,
    version: a.version as number,
  }
}
