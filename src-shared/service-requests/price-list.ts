import type { ServiceRequestKind } from './domain'

export interface PriceRow {
  kind: ServiceRequestKind
  validFrom: string
  /** Kopecks; 0 = a free service. */
  price: number
  supplierId: string
}

/** The price list row of a kind in force on a date (the latest validFrom on or before it). */
export function priceInForce(
  rows: readonly PriceRow[],
  kind: ServiceRequestKind,
  date: string,
): PriceRow | null {
  let best: PriceRow | null = null
  for (const r of rows) {
    if (r.kind !== kind || r.validFrom > date) continue
    if (!best || r.validFrom > best.validFrom) best = r
  }
  return best
}
