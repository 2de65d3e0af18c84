import type { LedgerEntry } from '../../../src-shared/documents/ledger'

export const ours = { supplierId: 'sup-1', supplierName: 'АО «Тверьэнергосбыт»' }
export const heat = { supplierId: 'sup-2', supplierName: 'ООО «Конаковская тепловая компания»' }

/** An account's ledger: an opening debt, three months of electricity, heating, payments. */
export const ledger: LedgerEntry[] = [
  { ...ours, date: '2026-06-01', kind: 'opening', service: 'electricity', amount: 50_000 },
  {
    ...ours,
    date: '2026-06-30',
    kind: 'charge',
    service: 'electricity',
    amount: 120_000,
    period: '2026-06',
    volume: '221',
    unit: 'кВт·ч',
    rateText: '5,43 ₽',
  },
  {
    ...ours,
    date: '2026-06-30',
    kind: 'penalty',
    service: 'electricity',
    amount: 1_500,
    period: '2026-06',
  },
  {
    ...ours,
    date: '2026-07-12',
    kind: 'payment',
    service: 'electricity',
    amount: 100_000,
    channel: 'касса',
    receiptNumber: 'KN1-1',
  },
  {
    ...ours,
    date: '2026-07-31',
    kind: 'charge',
    service: 'electricity',
    amount: 110_000,
    period: '2026-07',
  },
  {
    ...heat,
    date: '2026-07-31',
    kind: 'charge',
    service: 'heating',
    amount: 80_000,
    period: '2026-07',
  },
  {
    ...ours,
    date: '2026-08-05',
    kind: 'payment',
    service: 'electricity',
    amount: 181_500,
    channel: 'касса',
    receiptNumber: 'KN1-2',
  },
  {
    ...ours,
    date: '2026-08-06',
    kind: 'cancellation',
    service: 'electricity',
    amount: 181_500,
    receiptNumber: 'KN1-2',
  },
  {
    ...ours,
    date: '2026-08-31',
    kind: 'recalculation',
    service: 'electricity',
    amount: -10_000,
    period: '2026-08',
  },
  {
    ...heat,
    date: '2026-08-20',
    kind: 'payment',
    service: 'heating',
    amount: 100_000,
    channel: 'банк',
  },
]

/** A reconciliation statement's range and entries: July and August, every service of the ledger. */
export const julyToAugust = {
  companyName: 'АО «Тверьэнергосбыт»',
  from: '2026-07-01',
  to: '2026-08-31',
  serviceName: null,
  entries: ledger,
}
