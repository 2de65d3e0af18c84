import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type {
  AccountStatus,
  ConsentKind,
  Relation,
  TariffGroup,
} from '../../../src-shared/accounts/domain'
import { operators } from './operators'
import { branches, offices } from './reference'
import { accountColumn, serviceColumn, supplierColumn } from './columns'

/** A person: the holder of accounts or someone linked to one. */
export const customers = sqliteTable('customers', {
  id: text().primaryKey(),
  lastName: text().notNull(),
  firstName: text().notNull(),
  middleName: text(),
  /** +7 and 10 digits */
  phone: text(),
  email: text(),
  version: integer().notNull().default(1),
  createdAt: text().notNull(),
  updatedAt: text().notNull(),
})

export const accounts = sqliteTable(
  'accounts',
  {
    id: text().primaryKey(),
    number: text().notNull(),
    els: text(),
    branchId: text()
      .notNull()
      .references(() => branches.id),
    officeId: text().references(() => offices.id),
    holderId: text()
      .notNull()
      .references(() => customers.id),
    holderRelation: text().$type<Relation>().notNull(),
    region: text().notNull(),
    settlement: text().notNull(),
    street: text().notNull(),
    house: text().notNull(),
    building: text(),
    flat: text(),
    /** m², decimal string */
    totalArea: text(),
    livingArea: text(),
    rooms: integer(),
    residents: integer().notNull().default(0),
    tariffGroup: text().$type<TariffGroup>().notNull(),
    status: text().$type<AccountStatus>().notNull().default('open'),
    closedAt: text(),
    closeReason: text(),
    notes: text(),
    version: integer().notNull().default(1),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
    /** Local rowid of the account in the account_search FTS index; never synced. */
    searchKey: integer().notNull(),
  },
  (t) => [
    uniqueIndex('accounts_number_unique').on(t.number),
    uniqueIndex('accounts_search_key_unique').on(t.searchKey),
    index('accounts_holder_idx').on(t.holderId),
  ],
)

/** Other people linked to an account with their relation to it. */
export const accountPersons = sqliteTable(
  'account_persons',
  {
    id: text().primaryKey(),
    accountId: accountColumn(),
    customerId: text()
      .notNull()
      .references(() => customers.id),
    relation: text().$type<Relation>().notNull(),
    since: text(),
  },
  (t) => [index('account_persons_account_idx').on(t.accountId)],
)

/** Which supplier bills which service on an account. */
export const accountServices = sqliteTable(
  'account_services',
  {
    accountId: accountColumn(),
    service: serviceColumn(),
    supplierId: supplierColumn(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.service] })],
)

/** A dated record of a consent given or withdrawn (152-FZ); the latest per kind is in force. */
export const consents = sqliteTable(
  'consents',
  {
    id: text().primaryKey(),
    accountId: accountColumn(),
    kind: text().$type<ConsentKind>().notNull(),
    given: integer({ mode: 'boolean' }).notNull(),
    date: text().notNull(),
    operatorId: text().references(() => operators.id),
    createdAt: text().notNull(),
  },
  (t) => [index('consents_account_idx').on(t.accountId, t.kind, t.date)],
)
