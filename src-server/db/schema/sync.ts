import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'

/**
 * One counter per branch ('' = global rows), incremented inside the writing transaction: its row
 * lock orders writers, so versions follow commit order and a pull cursor never skips a row.
 */
export const branchVersions = pgTable('branch_versions', {
  branchKey: text().primaryKey(),
  version: bigint({ mode: 'number' }).notNull(),
})

/**
 * The newest version of each synced table per branch ('' = global), written with the rows under
 * the counter's lock: a pull reads only the tables that changed past its cursor.
 */
export const tableHeads = pgTable(
  'table_heads',
  {
    branchKey: text().notNull(),
    tableName: text().notNull(),
    version: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchKey, t.tableName] })],
)

export type AppliedStatus = 'applied' | 'rejected'

/** The idempotency record: every command id the server has seen, with its stored answer. */
export const appliedCommands = pgTable(
  'applied_commands',
  {
    commandId: text().primaryKey(),
    deviceId: text().notNull(),
    seq: bigint({ mode: 'number' }).notNull(),
    workstationId: text().notNull(),
    branchId: text().notNull(),
    name: text().notNull(),
    argsVersion: integer().notNull(),
    args: jsonb().notNull(),
    operatorId: text(),
    /** The operator whose online session the push carried (x-operator-token); null without one. */
    sessionOperatorId: text(),
    at: text().notNull(),
    status: text().$type<AppliedStatus>().notNull(),
    result: jsonb(),
    /** Russian reason of a rejection, shown to the supervisor who resolves it. */
    reason: text(),
    /** The branch version after the command's writes: a pull past it shows the effect. */
    version: bigint({ mode: 'number' }),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('applied_commands_device_idx').on(t.deviceId, t.seq)],
)

/** A device (one replica file) and the last sequence the server took from it. */
export const devices = pgTable('devices', {
  deviceId: text().primaryKey(),
  workstationId: text().notNull(),
  lastSeq: bigint({ mode: 'number' }).notNull().default(0),
  lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})
