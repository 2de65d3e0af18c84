import type { DemoAccount } from '../../src-demo/types'
import type { Sqlite } from '../db/connection'
import { BulkInsert } from './bulk-insert'
import { accountTables, type TableSpec } from '../../src-demo/account-tables'

/** Row values of a batch of accounts, one flat array per table (what crosses from the worker). */
export type FlatBatch = unknown[][]

export function flatten(accounts: readonly DemoAccount[]): FlatBatch {
  return accountTables.map((spec) => {
    const out: unknown[] = []
    for (const a of accounts) {
      for (const row of spec.rows(a)) {
        for (const c of spec.columns) {
          const v = (row as Record<string, unknown>)[c]
          // SQLite has no booleans; drizzle stores them as 1 and 0.
          out.push(typeof v === 'boolean' ? (v ? 1 : 0) : v)
        }
      }
    }
    return out
  })
}

/** Writes flattened batches into the tables; counts rows per table. */
export class AccountWriter {
  private readonly inserts: BulkInsert[]
  private readonly receiptColumn: number
  private readonly paymentsIndex: number
  /** Highest receipt number per workstation prefix. */
  readonly receipts = new Map<string, number>()

  constructor(sqlite: Sqlite) {
    this.inserts = accountTables.map((t) => new BulkInsert(sqlite, t.table, t.columns))
    this.paymentsIndex = accountTables.findIndex((t) => t.table === 'payments')
    this.receiptColumn = (accountTables[this.paymentsIndex] as TableSpec).columns.indexOf(
      'receiptNumber',
    )
  }

  /** Call inside a transaction. */
  write(batch: FlatBatch): void {
    batch.forEach((values, i) => (this.inserts[i] as BulkInsert).addValues(values))
    for (const insert of this.inserts) insert.flush()
    this.noteReceipts(batch[this.paymentsIndex] as unknown[])
  }

  private noteReceipts(values: unknown[]): void {
    const width = (accountTables[this.paymentsIndex] as TableSpec).columns.length
    for (let i = this.receiptColumn; i < values.length; i += width) {
      const receipt = values[i]
      if (typeof receipt !== 'string') continue
      const dash = receipt.lastIndexOf('-')
      const prefix = receipt.slice(0, dash)
      const n = Number(receipt.slice(dash + 1))
      if (n > (this.receipts.get(prefix) ?? 0)) this.receipts.set(prefix, n)
    }
  }

  count(table: string): number {
    return (this.inserts[accountTables.findIndex((t) => t.table === table)] as BulkInsert).count
  }
}
