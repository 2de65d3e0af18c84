import { customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
})

/**
 * Appeals' files, content-addressed (README "Attachments"): stored whole in the database, so a
 * file is there only once its row committed, and a backup of the database holds every file.
 * Kept per branch: only a workstation of the branch that sent it reads it back.
 */
export const attachmentFiles = pgTable(
  'attachment_files',
  {
    branchId: text().notNull(),
    sha256: text().notNull(),
    kind: text().notNull(),
    size: integer().notNull(),
    content: bytea().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.sha256] })],
)
