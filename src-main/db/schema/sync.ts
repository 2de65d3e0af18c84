import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

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
})
