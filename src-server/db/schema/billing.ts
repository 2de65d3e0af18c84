import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * A period close of a branch as it runs: accounts are billed in id order, a batch per
 * transaction, and `lastAccountId` moves with each, so a stopped run resumes where it stopped.
 */
export const billingRuns = pgTable(
  'billing_runs',
  {
    branchId: text().notNull(),
    period: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    lastAccountId: text(),
    accountsDone: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.period] })],
)
