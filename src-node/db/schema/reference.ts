import { sql } from 'drizzle-orm'
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Service, TariffGroup } from '../../../src-shared/accounts/domain'
import type { Zone } from '../../../src-shared/readings/domain'
import { serviceColumn, supplierColumn } from './columns'

export const branches = sqliteTable('branches', {
  id: text().primaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
})

export const offices = sqliteTable('offices', {
  id: text().primaryKey(),
  branchId: text()
    .notNull()
    .references(() => branches.id),
  name: text().notNull(),
  address: text().notNull(),
  phone: text(),
})

export const workstations = sqliteTable('workstations', {
  id: text().primaryKey(),
  officeId: text()
    .notNull()
    .references(() => offices.id),
  name: text().notNull(),
  receiptPrefix: text().notNull().unique(),
})

/** A company that bills a service, with the bank requisites printed on bills and QR codes. */
export const suppliers = sqliteTable('suppliers', {
  id: text().primaryKey(),
  name: text().notNull(),
  shortName: text().notNull(),
  inn: text().notNull(),
  kpp: text(),
  ogrn: text(),
  address: text(),
  phone: text(),
  email: text(),
  bankAccount: text().notNull(),
  bankName: text().notNull(),
  bic: text().notNull(),
  correspondentAccount: text().notNull(),
})

export const services = sqliteTable('services', {
  code: text().$type<Service>().primaryKey(),
  name: text().notNull(),
  /** kWh, m3, Gcal */
  unit: text().notNull(),
})

/** A rate valid from a date, per supplier, service, tariff group and zone. */
export const tariffs = sqliteTable('tariffs', {
  id: text().primaryKey(),
  supplierId: supplierColumn(),
  service: serviceColumn(),
  tariffGroup: text().$type<TariffGroup>().notNull(),
  zone: text().$type<Zone>().notNull(),
  validFrom: text().notNull(),
  validTo: text(),
  /** Exact rate in 1/1000 kopeck per unit (4.63000 rub = 463000). */
  rateMillikopecks: integer().notNull(),
})

/** Company and law values that change over time: the row in force is the latest validFrom <= date. */
export const settings = sqliteTable(
  'settings',
  {
    key: text().notNull(),
    validFrom: text().notNull(),
    /** JSON */
    value: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.validFrom] })],
)

/** This workstation's identity and counters: one row. */
export const deviceState = sqliteTable('device_state', {
  id: integer().primaryKey().default(1),
  deviceId: text().notNull(),
  workstationId: text().references(() => workstations.id),
  receiptPrefix: text().notNull(),
  lastSequence: integer().notNull().default(0),
  lastReceiptNumber: integer().notNull().default(0),
  createdAt: text()
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
})
