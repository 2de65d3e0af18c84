import type { DemoAccount } from '../../src-shared/demo/types'
import type { Sqlite } from '../db/connection'
import { BulkInsert } from './bulk-insert'
import { searchRow } from './search-document'

/** One table an account's rows go to: its columns (camelCase) and where the rows come from. */
interface TableSpec {
  table: string
  columns: readonly string[]
  rows: (a: DemoAccount) => readonly object[]
}

const cols = (s: string) => s.split(/\s+/u).filter(Boolean)

/** The per-account tables, in an order that satisfies their foreign keys. */
export const accountTables: readonly TableSpec[] = [
  {
    table: 'customers',
    columns: cols('id lastName firstName middleName phone email createdAt updatedAt'),
    rows: (a) => a.customers,
  },
  {
    table: 'accounts',
    columns: cols(`id number els branchId officeId holderId holderRelation region settlement street
      house building flat totalArea livingArea rooms residents tariffGroup status closedAt closeReason
      notes createdAt updatedAt searchKey`),
    rows: (a) => [a.account],
  },
  {
    table: 'account_persons',
    columns: cols('id accountId customerId relation since'),
    rows: (a) => a.persons,
  },
  {
    table: 'account_services',
    columns: cols('accountId service supplierId'),
    rows: (a) => a.services,
  },
  {
    table: 'consents',
    columns: cols('id accountId kind given date operatorId createdAt'),
    rows: (a) => a.consents,
  },
  {
    table: 'meters',
    columns:
      cols(`id accountId service model serialNumber zones intDigits fracDigits transformationRatio
      accuracyClass phases location installedAt verifiedAt verificationIntervalYears nextVerificationAt
      seals status removedAt`),
    rows: (a) => a.meters,
  },
  {
    table: 'readings',
    columns: cols(`id meterId accountId zone rawValue value consumption readingDate enteredAt period
      source status rejectReason operatorId workstationId`),
    rows: (a) => a.readings,
  },
  {
    table: 'opening_balances',
    columns: cols('id accountId supplierId service date amount'),
    rows: (a) => a.openingBalances,
  },
  {
    table: 'charges',
    columns: cols(
      'id accountId supplierId service period kind volume basis rateMillikopecks amount createdAt zone recalculatedPeriod',
    ),
    rows: (a) => a.charges,
  },
  {
    table: 'payments',
    columns: cols(`id accountId paidAt amount method channel receiptNumber officeId operatorId
      workstationId externalRef createdAt`),
    rows: (a) => a.payments,
  },
  {
    table: 'payment_lines',
    columns: cols('id paymentId supplierId service amount'),
    rows: (a) => a.paymentLines,
  },
  { table: 'account_search', columns: ['rowid', 'terms'], rows: (a) => [searchRow(a)] },
]

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
