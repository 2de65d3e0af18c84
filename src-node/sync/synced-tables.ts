import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as t from '../db/schema'

/**
 * The replica tables the central server sends, parents before children. Both sides build on this
 * list: the server mirrors these tables, the workstation stores what it pulls into them.
 */
export const syncedReplicaTables = {
  branches: t.branches,
  offices: t.offices,
  workstations: t.workstations,
  suppliers: t.suppliers,
  services: t.services,
  tariffs: t.tariffs,
  settings: t.settings,
  operators: t.operators,
  customers: t.customers,
  accounts: t.accounts,
  account_persons: t.accountPersons,
  account_services: t.accountServices,
  consents: t.consents,
  meters: t.meters,
  readings: t.readings,
  reading_deletions: t.readingDeletions,
  opening_balances: t.openingBalances,
  charges: t.charges,
  billing_periods: t.billingPeriods,
  bills: t.bills,
  shifts: t.shifts,
  payments: t.payments,
  payment_lines: t.paymentLines,
  payment_cancellations: t.paymentCancellations,
  price_list: t.priceList,
  service_requests: t.serviceRequests,
  appeals: t.appeals,
  appeal_attachments: t.appealAttachments,
} satisfies Record<string, SQLiteTable>

export type SyncedTableName = keyof typeof syncedReplicaTables

export const syncedTableNames = Object.keys(syncedReplicaTables) as SyncedTableName[]

/** Replica columns that stay on the workstation (the search index key), by property name. */
export const localOnlyColumns: Partial<Record<SyncedTableName, string[]>> = {
  accounts: ['searchKey'],
}

// Both run for every row the server writes: remembered, they cost a map lookup.
const snakeNames = new Map<string, string>()
const keys = new Map<SyncedTableName, string[]>()

export function snake(name: string): string {
  let out = snakeNames.get(name)
  if (out === undefined) {
    out = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    snakeNames.set(name, out)
  }
  return out
}

/** Primary key columns of a synced table, snake_case as in SQL. */
export function tableKey(name: SyncedTableName): string[] {
  let key = keys.get(name)
  if (!key) {
    const config = getTableConfig(syncedReplicaTables[name])
    const composite = config.primaryKeys[0]
    key = composite
      ? composite.columns.map((c) => snake(c.name))
      : config.columns.filter((c) => c.primary).map((c) => snake(c.name))
    keys.set(name, key)
  }
  return key
}
