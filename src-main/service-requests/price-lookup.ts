import type { ServiceRequestKind } from '../../src-shared/service-requests/domain'
import { priceInForce, type PriceRow } from '../../src-shared/service-requests/price-list'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/** The replica's price list rows of a kind. */
export function priceRows(db: Db, kind?: ServiceRequestKind): PriceRow[] {
  return prepared(
    db.$client,
    `SELECT kind, valid_from AS validFrom, price, supplier_id AS supplierId FROM price_list
      WHERE ? IS NULL OR kind = ? ORDER BY kind, valid_from`,
  ).all(kind ?? null, kind ?? null) as PriceRow[]
}

/** The price of a kind in force on a date, or null when the price list does not name it. */
export function priceOn(db: Db, kind: ServiceRequestKind, date: string): PriceRow | null {
  return priceInForce(priceRows(db, kind), kind, date)
}
