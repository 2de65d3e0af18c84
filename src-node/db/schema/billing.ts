import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { branches } from './reference'
import { accountColumn } from './columns'

/** A branch's billing period: open until the central server's period close bills it. */
export const billingPeriods = sqliteTable(
  'billing_periods',
  {
    branchId: text()
      .notNull()
      .references(() => branches.id),
    /** YYYY-MM */
    period: text().notNull(),
    status: text().$type<'open' | 'closed'>().notNull(),
    closedAt: text(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.period] })],
)

/**
 * The header of an account's bill for a period, as the period close computed it from the
 * ledger (the bill document prints it); the lines are the period's charges.
 */
export const bills = sqliteTable(
  'bills',
  {
    id: text().primaryKey(),
    accountId: accountColumn(),
    period: text().notNull(),
    /** The payment document's number (ЕПД), printed and read back from payments. */
    documentNumber: text().notNull(),
    /** Kopecks: the balance before the period, the period's charges (and recalculations), its penalties, what was paid in it, the balance after. */
    openingBalance: integer().notNull(),
    charged: integer().notNull(),
    penalties: integer().notNull(),
    paid: integer().notNull(),
    closingBalance: integer().notNull(),
    dueDate: text().notNull(),
    createdAt: text().notNull(),
  },
  (t) => [index('bills_account_idx').on(t.accountId, t.period)],
)
