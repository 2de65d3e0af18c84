import { describe, expect, it } from 'vitest'
import { chargeRowOf, type BillLine } from '../../src-shared/billing/bill-service'

const line: BillLine = {
  service: 'electricity',
  supplierId: 'sup-1',
  zone: 'T1',
  kind: 'charge',
  basis: 'meter',
  volume: '120',
  rateMillikopecks: 463000,
  amount: 55560,
  recalculatedPeriod: null,
}
const identity = { id: 'ch-1', accountId: 'acc-1', period: '2026-10', createdAt: '2026-11-01' }

describe("a bill line as the ledger's charge row", () => {
  it.each([
    { line, row: { ...identity, ...line } },
    {
      line: {
        ...line,
        kind: 'recalculation' as const,
        amount: -1200,
        recalculatedPeriod: '2026-09',
      },
      row: {
        ...identity,
        ...line,
        kind: 'recalculation',
        amount: -1200,
        recalculatedPeriod: '2026-09',
      },
    },
  ])('$line.kind of $line.amount kopecks', ({ line, row }) => {
    const charge = chargeRowOf(line, identity)
    expect(charge).toEqual(row)
    // The ledger's column order, as the demo's golden output is written.
    expect(Object.keys(charge)).toEqual([
      'id',
      'accountId',
      'supplierId',
      'service',
      'period',
      'kind',
      'volume',
      'basis',
      'rateMillikopecks',
      'amount',
      'createdAt',
      'zone',
      'recalculatedPeriod',
    ])
  })
})
