import { accountSearchTerms, type AccountSearchDocument } from '../src-shared/accounts/search-terms'
import type { DemoAccount } from './types'

/**
 * What the search index holds for a generated account, gathered the way search-index.ts gathers
 * it from the tables (holder and linked persons, their phones, every meter's serial), so the
 * loader indexes each account as it writes it instead of reading everything back.
 */
export function searchDocument(a: DemoAccount): AccountSearchDocument {
  const { account } = a
  return {
    number: account.number,
    els: account.els,
    names: a.customers.map((c) => `${c.lastName} ${c.firstName} ${c.middleName ?? ''}`),
    settlement: account.settlement,
    street: account.street,
    house: account.house,
    building: account.building,
    flat: account.flat,
    phones: a.customers.flatMap((c) => (c.phone ? [c.phone] : [])),
    serials: a.meters.map((m) => m.serialNumber),
  }
}

export function searchRow(a: DemoAccount): { rowid: number; terms: string } {
  return { rowid: a.account.searchKey, terms: accountSearchTerms(searchDocument(a)) }
}
