import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { PaymentChannel, PaymentMethod } from '../../../src-shared/payments/domain'
import type { ReadingSource, ReadingStatus, Zone } from '../../../src-shared/readings/domain'
import { meters } from './meters'
import { operators } from './operators'
import { offices, workstations } from './reference'
import { accountColumn, serviceColumn, supplierColumn } from './columns'

/** A reading is a fact: inserted once, never updated in place. */
export const readings = sqliteTable(
  'readings',
  {
    id: text().primaryKey(),
    meterId: text()
      .notNull()
      .references(() => meters.id),
    accountId: accountColumn(),
    zone: text().$type<Zone>().notNull(),
    /** As typed, for the audit ("02835,7"). */
    rawValue: text().notNull(),
    /** The billed integer part. */
    value: integer().notNull(),
    consumption: integer(),
    readingDate: text().notNull(),
    enteredAt: text().notNull(),
    period: text().notNull(),
    source: text().$type<ReadingSource>().notNull(),
    status: text().$type<ReadingStatus>().notNull(),
    rejectReason: text(),
    /** Why the clerk saved a reading the validator warned about (read back to the caller). */
    confirmReason: text(),
    /** The supervisor who accepted a reading outside the error band. */
    acceptedBy: text().references(() => operators.id),
    /** JSON array of the validator's issue codes kept with the fact (e.g. verification expired). */
    flags: text(),
    operatorId: text().references(() => operators.id),
    workstationId: text().references(() => workstations.id),
  },
  (t) => [
    index('readings_meter_idx').on(t.meterId, t.zone, t.readingDate),
    index('readings_account_idx').on(t.accountId, t.readingDate),
  ],
)

/** Debt or overpayment carried in when the account's ledger starts here. */
export const openingBalances = sqliteTable(
  'opening_balances',
  {
    id: text().primaryKey(),
    accountId: accountColumn(),
    supplierId: supplierColumn(),
    service: serviceColumn(),
    date: text().notNull(),
    amount: integer().notNull(),
  },
  (t) => [index('opening_balances_account_idx').on(t.accountId)],
)

export const charges = sqliteTable(
  'charges',
  {
    id: text().primaryKey(),
    accountId: accountColumn(),
    supplierId: supplierColumn(),
    service: serviceColumn(),
    period: text().notNull(),
    kind: text().$type<'charge' | 'recalculation' | 'penalty'>().notNull(),
    /** Decimal string in the service's unit. */
    volume: text(),
    basis: text().$type<'meter' | 'average' | 'norm'>(),
    rateMillikopecks: integer(),
    /** Kopecks; recalculations may be negative. */
    amount: integer().notNull(),
    createdAt: text().notNull(),
    /** The meter zone a metered or estimated line is for (T1 for single-rate and norms). */
    zone: text().$type<Zone>(),
    /** A recalculation: the estimated period it corrects (it is charged in `period`). */
    recalculatedPeriod: text(),
  },
  (t) => [index('charges_account_idx').on(t.accountId, t.period)],
)

/**
 * A cashier's shift on one workstation: opened with the cash in the drawer, closed with the cash
 * counted. The closing (Z) report is frozen in the row, so a closed report never changes.
 */
export const shifts = sqliteTable(
  'shifts',
  {
    id: text().primaryKey(),
    workstationId: text().references(() => workstations.id),
    officeId: text().references(() => offices.id),
    openedBy: text().references(() => operators.id),
    openedAt: text().notNull(),
    /** Kopecks in the drawer at opening. */
    openingCash: integer().notNull(),
    closedBy: text().references(() => operators.id),
    closedAt: text(),
    countedCash: integer(),
    /** JSON of the Z report as printed at closing. */
    report: text(),
  },
  (t) => [index('shifts_workstation_idx').on(t.workstationId, t.openedAt)],
)

/** A payment is a fact: a wrong one is undone by a cancellation, never changed. */
export const payments = sqliteTable(
  'payments',
  {
    id: text().primaryKey(),
    accountId: accountColumn(),
    paidAt: text().notNull(),
    /** Kopecks, the sum of its lines. */
    amount: integer().notNull(),
    method: text().$type<PaymentMethod>().notNull(),
    channel: text().$type<PaymentChannel>().notNull(),
    receiptNumber: text(),
    officeId: text().references(() => offices.id),
    operatorId: text().references(() => operators.id),
    workstationId: text().references(() => workstations.id),
    externalRef: text(),
    /** Counter payments: the shift that took the money. */
    shiftId: text().references(() => shifts.id),
    /** Who paid when not the holder ("another account"); null = the holder. */
    payer: text(),
    /** Cash handed over (kopecks); the change is cashGiven - amount. */
    cashGiven: integer(),
    /** The card terminal's reference (RRN or authorisation code). */
    cardReference: text(),
    createdAt: text().notNull(),
  },
  (t) => [
    index('payments_account_idx').on(t.accountId, t.paidAt),
    index('payments_shift_idx').on(t.shiftId),
    uniqueIndex('payments_receipt_unique').on(t.receiptNumber),
  ],
)

export const paymentLines = sqliteTable(
  'payment_lines',
  {
    id: text().primaryKey(),
    paymentId: text()
      .notNull()
      .references(() => payments.id),
    supplierId: supplierColumn(),
    service: serviceColumn(),
    amount: integer().notNull(),
  },
  (t) => [index('payment_lines_payment_idx').on(t.paymentId)],
)

export const paymentCancellations = sqliteTable('payment_cancellations', {
  id: text().primaryKey(),
  paymentId: text()
    .notNull()
    .unique()
    .references(() => payments.id),
  reason: text().notNull(),
  /** The supervisor who cancelled (logged in, or confirming with their password). */
  operatorId: text().references(() => operators.id),
  /** The cashier at the desk when the supervisor confirmed on the spot. */
  cashierId: text().references(() => operators.id),
  cancelledAt: text().notNull(),
  /** The shift the refund left the drawer in. */
  shiftId: text().references(() => shifts.id),
  /** The cancellation receipt, from the same counter as payment receipts. */
  receiptNumber: text().unique(),
})

/** Deleting a not-yet-billed reading is itself a recorded fact; the reading row stays. */
export const readingDeletions = sqliteTable('reading_deletions', {
  id: text().primaryKey(),
  readingId: text()
    .notNull()
    .unique()
    .references(() => readings.id),
  reason: text().notNull(),
  operatorId: text().references(() => operators.id),
  /** When the deletion was made (not `deletedAt`: the server keeps its tombstones under that name). */
  withdrawnAt: text().notNull(),
})
