import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Sessions of operators who logged in online: the token a workstation's sync requests carry for
 * them. Kept here, not in a server's memory, so every instance behind the balancer knows them.
 * Only a SHA-256 of the token is stored; the fingerprint of the password hash at issue time ends
 * the session when the password changes centrally.
 */
export const operatorSessions = pgTable(
  'operator_sessions',
  {
    /** SHA-256 (hex) of the 32 random bytes handed to the workstation */
    tokenHash: text().primaryKey(),
    operatorId: text().notNull(),
    workstationId: text().notNull(),
    /** SHA-256 (hex) of the operator's password hash when the token was issued */
    passwordFingerprint: text().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('operator_sessions_expires_idx').on(t.expiresAt)],
)
