import type { DemoAccount } from './types'
import { searchRow } from './search-document'

/** One table an account's rows go to: its columns (camelCase) and where the rows come from. */
export interface TableSpec {
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
