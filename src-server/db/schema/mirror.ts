import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  type IndexBuilder,
  type ExtraConfigColumn,
  type PgColumnBuilderBase,
} from 'drizzle-orm/pg-core'
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { getTableColumns, sql } from 'drizzle-orm'
import {
  localOnlyColumns,
  snake,
  syncedReplicaTables,
  type SyncedTableName,
} from '../../../src-node/sync/synced-tables'

export type { SyncedTableName }

// The server holds the replica's synced tables with the same columns (built from the replica's
// schema, so the two cannot drift) plus its own: `branchId` (null = global), `syncVersion` (from
// the branch's counter) and `deletedAt`.
function mirrorColumn(column: SQLiteColumn): PgColumnBuilderBase {
  // Booleans stay 0/1 integers so a row travels to SQLite unchanged.
  let builder =
    column.columnType === 'SQLiteText'
      ? text()
      : column.columnType === 'SQLiteBoolean'
        ? integer()
        : bigint({ mode: 'number' })
  if (column.notNull) builder = builder.notNull() as typeof builder
  if (column.primary) builder = builder.primaryKey() as typeof builder
  else if (column.isUnique) builder = builder.unique() as typeof builder
  const literal = column.default
  if (literal !== undefined && (typeof literal !== 'object' || literal === null)) {
    const value = typeof literal === 'boolean' ? Number(literal) : literal
    builder = builder.default(value as never) as typeof builder
  }
  return builder
}

/**
 * The replica's lookup indexes the server keeps too: the period close reads an account range's
 * readings, meters and ledger through them.
 */
const serverLookupIndexes = new Set([
  'readings_account_idx',
  'meters_account_idx',
  'opening_balances_account_idx',
  'charges_account_idx',
  'bills_account_idx',
  'payments_account_idx',
  'payment_lines_payment_idx',
  'service_requests_account_idx',
])

/**
 * The server's own indexes for the period close's batch read, partial to the rows it asks for:
 * the newest billed reading per meter and zone found by one index step instead of sorting an
 * account range's whole billed history, the accepted readings without their billed neighbours,
 * and a payment's live lines read from the index alone.
 */
const billingIndexes: Partial<
  Record<SyncedTableName, (t: Record<string, ExtraConfigColumn>) => IndexBuilder[]>
> = {
  readings: (t) => [
    index('readings_billed_idx')
      .on(t.meterId!, t.zone!, t.readingDate!.desc().nullsFirst(), t.enteredAt!.desc().nullsFirst())
      .where(sql`status = 'billed' AND deleted_at IS NULL`),
    index('readings_accepted_idx')
      .on(t.accountId!)
      .where(sql`status = 'accepted' AND deleted_at IS NULL`),
  ],
  payment_lines: (t) => [
    index('payment_lines_live_idx')
      .on(t.paymentId!, t.supplierId!, t.service!, t.amount!)
      .where(sql`deleted_at IS NULL`),
  ],
}

/** Tables whose `branchId` is only the server's sync scope: the replica has no such column. */
const scopeOnly = new Set<SyncedTableName>()

function mirror(name: SyncedTableName, table: SQLiteTable) {
  const config = getTableConfig(table)
  const skip = new Set(localOnlyColumns[name] ?? [])
  const columns: Record<string, PgColumnBuilderBase> = {}
  for (const column of config.columns) {
    if (!skip.has(column.name)) columns[column.name] = mirrorColumn(column)
  }
  if (!columns.branchId) {
    columns.branchId = text()
    scopeOnly.add(name)
  }
  columns.syncVersion = bigint({ mode: 'number' }).notNull()
  columns.deletedAt = text()
  if (name === 'workstations') {
    // The workstation's credential: scrypt hash of its secret; never pulled.
    columns.secretHash = text()
  }
  if (name === 'operators') {
    // When an operator was deactivated (ISO): their commands made before it are still taken.
    columns.deactivatedAt = text()
  }
  return pgTable(name, columns, (t) => [
    ...config.primaryKeys.map((pk) =>
      primaryKey({ columns: pk.columns.map((c) => t[c.name]!) as never }),
    ),
    ...config.indexes
      .filter(
        (i) =>
          i.config.unique && i.config.columns.every((c) => !skip.has((c as SQLiteColumn).name)),
      )
      .map((i) =>
        uniqueIndex(i.config.name).on(
          ...(i.config.columns.map((c) => t[(c as SQLiteColumn).name]!) as [never]),
        ),
      ),
    ...config.indexes
      .filter((i) => !i.config.unique && serverLookupIndexes.has(i.config.name))
      .map((i) =>
        index(i.config.name).on(
          ...(i.config.columns.map((c) => t[(c as SQLiteColumn).name]!) as [never]),
        ),
      ),
    index(`${name}_sync_idx`).on(t.branchId!, t.syncVersion!),
    ...(billingIndexes[name]?.(t as Record<string, ExtraConfigColumn>) ?? []),
  ])
}

type MirrorTable = ReturnType<typeof mirror>

export const mirrorTables = Object.fromEntries(
  Object.entries(syncedReplicaTables).map(([name, table]) => [
    name,
    mirror(name as SyncedTableName, table),
  ]),
) as Record<SyncedTableName, MirrorTable>

/** Columns a workstation receives: everything but the server's own bookkeeping and secrets. */
export const serverOnlyColumns = new Set([
  'sync_version',
  'deleted_at',
  'secret_hash',
  'deactivated_at',
])

/**
 * The snake_case columns of a table that a pull sends: not the scope-only `branch_id` either, a
 * fifth of a bootstrap's bytes that the replica would drop.
 */
export function pulledColumns(name: SyncedTableName): string[] {
  let columns = pulled.get(name)
  if (!columns) {
    columns = Object.keys(getTableColumns(mirrorTables[name]))
      .map(snake)
      .filter((c) => !serverOnlyColumns.has(c) && !(c === 'branch_id' && scopeOnly.has(name)))
    pulled.set(name, columns)
  }
  return columns
}
const pulled = new Map<SyncedTableName, string[]>()

// Named exports, so drizzle-kit sees every table.
export const {
  branches,
  offices,
  workstations,
  suppliers,
  services,
  tariffs,
  settings,
  operators,
  customers,
  accounts,
  account_persons: accountPersons,
  account_services: accountServices,
  consents,
  meters,
  readings,
  reading_deletions: readingDeletions,
  opening_balances: openingBalances,
  charges,
  billing_periods: billingPeriods,
  bills,
  shifts,
  payments,
  payment_lines: paymentLines,
  payment_cancellations: paymentCancellations,
  price_list: priceList,
  service_requests: serviceRequests,
  appeals,
  appeal_attachments: appealAttachments,
} = mirrorTables
