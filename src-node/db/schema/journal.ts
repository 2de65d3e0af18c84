import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Who did what, when, from which workstation; never updated. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text().primaryKey(),
    at: text().notNull(),
    operatorId: text(),
    workstationId: text(),
    deviceId: text().notNull(),
    action: text().notNull(),
    entity: text(),
    entityId: text(),
    accountId: text(),
    commandId: text(),
    /** JSON: old and new values, or what was viewed */
    details: text(),
  },
  (t) => [
    index('audit_log_account_idx').on(t.accountId, t.at),
    index('audit_log_operator_idx').on(t.operatorId, t.at),
    // A supervisor's record on a command or a shift (a rejection resolved, a difference reviewed).
    index('audit_log_entity_idx').on(t.entity, t.entityId),
  ],
)

/** pending: not yet acknowledged; sent: acknowledged; done: a pull showed its effect. */
export type OutboxStatus = 'pending' | 'sent' | 'done' | 'rejected'

/** Every local command, queued for the central server in the transaction that applied it. */
export const outbox = sqliteTable(
  'outbox',
  {
    /** UUIDv7 made on the workstation */
    id: text().primaryKey(),
    deviceId: text().notNull(),
    sequence: integer().notNull().unique(),
    name: text().notNull(),
    argsVersion: integer().notNull(),
    /** JSON */
    args: text().notNull(),
    operatorId: text(),
    createdAt: text().notNull(),
    status: text().$type<OutboxStatus>().notNull().default('pending'),
    /** JSON: the server's answer */
    result: text(),
    rejectReason: text(),
    /** The server's branch version after applying it: a pull past it shows the effect. */
    serverVersion: integer(),
    /** When the server acknowledged it (status sent, or rejected). */
    acknowledgedAt: text(),
    doneAt: text(),
  },
  (t) => [index('outbox_status_idx').on(t.status, t.sequence)],
)
