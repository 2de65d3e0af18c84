import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * One-time codes an administrator gives a new workstation: the first-run wizard exchanges one for
 * the workstation's credentials. Only a hash is kept; a claimed or expired code is refused.
 */
export const registrationCodes = pgTable('registration_codes', {
  /** SHA-256 of the code as typed without dashes, upper case */
  codeHash: text().primaryKey(),
  workstationId: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  claimedAt: timestamp({ withTimezone: true }),
})
