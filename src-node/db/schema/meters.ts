import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { accountColumn, serviceColumn } from './columns'

export const meters = sqliteTable(
  'meters',
  {
    id: text().primaryKey(),
    accountId: accountColumn(),
    service: serviceColumn(),
    model: text().notNull(),
    serialNumber: text().notNull(),
    zones: integer().notNull(),
    intDigits: integer().notNull(),
    fracDigits: integer().notNull(),
    transformationRatio: integer().notNull().default(1),
    accuracyClass: text(),
    phases: integer(),
    location: text(),
    installedAt: text().notNull(),
    verifiedAt: text(),
    verificationIntervalYears: integer(),
    nextVerificationAt: text(),
    /** JSON array of seal numbers */
    seals: text().notNull().default('[]'),
    status: text().$type<'active' | 'removed'>().notNull().default('active'),
    removedAt: text(),
  },
  (t) => [
    index('meters_account_idx').on(t.accountId),
    index('meters_serial_idx').on(t.serialNumber),
  ],
)
