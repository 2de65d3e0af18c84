import type { Service } from '../../src-shared/accounts/domain'
import { periodFirstDay, periodLastDay } from '../../src-shared/billing/days'
import type {
  BillChargeLine,
  BillInput,
  BillMeterInput,
  BillServiceInput,
  BillSupplierInput,
} from '../../src-shared/documents/bill'
import { serviceNames } from '../../src-shared/documents/labels'
import { debtEffect, type LedgerEntry } from '../../src-shared/documents/ledger'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { readSetting } from '../settings/settings'
import { accountLedger } from './ledger'
import { documentAccount } from './party'

/** The account's bill header for a period, as the period close wrote it; null when not billed. */
export function billHeader(
  db: Db,
  accountId: string,
  period: string,
): { documentNumber: string; dueDate: string } | null {
  const row = prepared(
    db.$client,
    `SELECT document_number AS documentNumber, due_date AS dueDate FROM bills
      WHERE account_id = ? AND period = ? ORDER BY created_at DESC LIMIT 1`,
  ).get(accountId, period) as { documentNumber: string; dueDate: string } | undefined
  return row ?? null
}

/** The billed periods of an account, newest first. */
export function billedPeriods(
  db: Db,
  accountId: string,
): { period: string; documentNumber: string }[] {
  return prepared(
    db.$client,
    `SELECT period, max(document_number) AS documentNumber FROM bills WHERE account_id = ?
      GROUP BY period ORDER BY period DESC`,
  ).all(accountId) as { period: string; documentNumber: string }[]
}

function metersOf(db: Db, accountId: string, period: string): BillMeterInput[] {
  const meters = prepared(
    db.$client,
    `SELECT id, serial_number AS number, service, zones, next_verification_at AS nextVerification
       FROM meters WHERE account_id = ? AND status = 'active' ORDER BY service, serial_number`,
  ).all(accountId) as {
    id: string
    number: string
    service: Service
    zones: number
    nextVerification: string | null
  }[]
  // The reading of the period (the current one) and the last one before it, per zone.
  const reading = (op: '=' | '<') =>
    prepared(
      db.$client,
      `SELECT raw_value AS value FROM readings
        WHERE meter_id = ? AND zone = ? AND status <> 'rejected' AND period ${op} ?
          AND id NOT IN (SELECT reading_id FROM reading_deletions)
        ORDER BY period DESC, reading_date DESC, entered_at DESC LIMIT 1`,
    )
  const current = reading('=')
  const previous = reading('<')
  const out: BillMeterInput[] = []
  for (const m of meters) {
    for (let z = 1; z <= m.zones; z++) {
      const zone = `T${z}`
      const now = current.get(m.id, zone, period) as { value: string } | undefined
      const before = previous.get(m.id, zone, period) as { value: string } | undefined
      out.push({
        number: m.number,
        serviceName: serviceNames[m.service],
        zone,
        previous: before?.value ?? null,
        current: now?.value ?? null,
        nextVerification: m.nextVerification,
      })
    }
  }
  return out
}

/**
 * Everything the monthly bill prints, read from the replica: the header the period close wrote,
 * the period's charge lines, the debt before the period and the money of the period from the
 * ledger, the suppliers' requisites and the meters.
 */
export function billInputOf(
  db: Db,
  accountId: string,
  period: string,
  timeZone: string,
  duplicate: boolean,
): BillInput {
  const header = billHeader(db, accountId, period)
  if (!header) throw new ApiFailure('not_found', 'Счет за этот период не выставлен.')
  const account = documentAccount(db, accountId)
  const first = periodFirstDay(period)
  const last = periodLastDay(period)
  const ledger = accountLedger(db, accountId, timeZone)
  const keys = new Map<string, { supplierId: string; service: Service }>()
  for (const row of prepared(
    db.$client,
    `SELECT supplier_id AS supplierId, service FROM account_services WHERE account_id = @id
     UNION SELECT supplier_id, service FROM charges WHERE account_id = @id AND period = @period`,
  ).all({ id: accountId, period }) as { supplierId: string; service: Service }[])
    keys.set(`${row.supplierId}/${row.service}`, row)
  const charges = prepared(
    db.$client,
    `SELECT supplier_id AS supplierId, service, kind, volume, basis,
            rate_millikopecks AS rateMillikopecks, amount
       FROM charges WHERE account_id = ? AND period = ? ORDER BY kind, zone`,
  ).all(accountId, period) as (BillChargeLine & { supplierId: string; service: Service })[]
  const units = new Map(
    (
      prepared(db.$client, 'SELECT code, unit FROM services').all() as {
        code: Service
        unit: string
      }[]
    ).map((u) => [u.code, u.unit]),
  )
  const mine = (e: LedgerEntry, k: { supplierId: string; service: Service }) =>
    e.supplierId === k.supplierId && e.service === k.service
  const services: BillServiceInput[] = [...keys.values()].map((k) => {
    const before = ledger.filter((e) => mine(e, k) && e.date < first)
    const money = ledger.filter(
      (e) =>
        mine(e, k) &&
        (e.kind === 'payment' || e.kind === 'cancellation') &&
        e.date >= first &&
        e.date <= last,
    )
    return {
      service: k.service,
      supplierId: k.supplierId,
      unit: units.get(k.service) ?? '',
      opening: before.reduce((s, e) => s + debtEffect(e), 0),
      paid: -money.reduce((s, e) => s + debtEffect(e), 0),
      lines: charges
        .filter((c) => c.supplierId === k.supplierId && c.service === k.service)
        .map(({ kind, volume, basis, rateMillikopecks, amount }) => ({
          kind,
          volume,
          basis,
          rateMillikopecks,
          amount,
        })),
    }
  })
  services.sort((a, b) => (a.service === 'electricity' ? -1 : b.service === 'electricity' ? 1 : 0))
  const supplierIds = [...new Set(services.map((s) => s.supplierId))]
  const suppliers = supplierIds.map(
    (id) =>
      prepared(
        db.$client,
        `SELECT id, name, short_name AS shortName, inn, kpp, bank_account AS bankAccount, bank_name AS bankName, bic,
                correspondent_account AS correspondentAccount, phone FROM suppliers WHERE id = ?`,
      ).get(id) as BillSupplierInput,
  )
  const paidDays = ledger
    .filter((e) => e.kind === 'payment' && e.date >= first && e.date <= last)
    .map((e) => e.date)
    .sort()
  return {
    period,
    documentNumber: header.documentNumber,
    els: account.els,
    accountNumber: account.accountNumber,
    payer: account.holder,
    address: account.address,
    totalArea: account.totalArea,
    residents: account.residents,
    suppliers,
    services,
    meters: metersOf(db, accountId, period),
    dueDate: header.dueDate,
    lastPaymentDate: paidDays.at(-1) ?? null,
    readingCutoffDay: readSetting(db, 'readingCutoffDay', last),
    duplicate,
  }
}
