import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * A period close of a branch as it runs: a batch of accounts per transaction, each account's
 * bill written with its lines, so a stopped run resumes with the accounts that have none.
 */
export const billingRuns = pgTable(
  'billing_runs',
  {
    branchId: text().notNull(),
    period: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    accountsDone: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.period] })],
)
