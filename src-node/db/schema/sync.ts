import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Where this workstation syncs and how far it got: one row, written with what it pulls. */
export const syncState = sqliteTable('sync_state', {
  id: integer().primaryKey().default(1),
  serverUrl: text().notNull(),
  /** The workstation's credential on the central server. */
  workstationId: text().notNull(),
  secret: text().notNull(),
  /**
   * SHA-256 (hex) of the server's TLS certificate, pinned at registration: the sync talks to no
   * other. Null for a server on this computer over plain http (development, tests).
   */
  serverCertificate: text(),
  /** Versions of the branch stream and the global stream pulled so far; never move back. */
  cursorBranch: integer().notNull().default(0),
  cursorGlobal: integer().notNull().default(0),
  /** Set when a pull reached the server's head for the first time. */
  bootstrappedAt: text(),
  lastSyncAt: text(),
  lastAttemptAt: text(),
  /** Why the last attempt failed (network, server), for the shell. */
  lastError: text(),
  /** The server's "update required" message while this app is too old to pull. */
  updateRequired: text(),
  /**
   * When verify last compared the replica with the server; cleared when the server rejects a
   * command, so the next sync verifies (otherwise once a day).
   */
  verifiedAt: text(),
})

/**
 * Local facts a pulled row displaced: a row of this replica the server does not hold that broke
 * a unique column of the server's row (a second cancellation of one payment, a second deletion
 * of one reading, a receipt number used twice). It leaves its table, so it counts in no balance,
 * and is kept here whole for the sync screen and the supervisor. Never synced.
 */
export const setAsideRows = sqliteTable(
  'set_aside_rows',
  {
    id: text().primaryKey(),
    tableName: text().notNull(),
    rowId: text().notNull(),
    /** JSON: the row as it was, by column name. */
    row: text().notNull(),
    /** JSON: rows that belonged to it and left with it ({ payment_lines: [...] }). */
    dependents: text(),
    /** The unique column the server's row holds: "payment_cancellations.payment_id". */
    constraintName: text().notNull(),
    /** The server's row that took its place. */
    serverRowId: text(),
    /** The outbox entry that made the local row, when found. */
    commandId: text(),
    setAsideAt: text().notNull(),
  },
  (t) => [index('set_aside_rows_row_idx').on(t.tableName, t.rowId)],
)
