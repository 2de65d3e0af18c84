import { sql } from 'drizzle-orm'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'
import type { Row } from '../sync/synced-write'
import type { Range } from './inputs'

/** A paid service request done and not billed yet (its price fixed when it was registered). */
export interface PaidServiceDone {
  id: string
  accountId: string
  supplierId: string
  /** Kopecks. */
  price: number
}

/**
 * The batch's paid requests done before the period's end and not on a bill yet: a request done
 * after an earlier period closed joins the next bill, never two.
 */
export async function loadPaidServices(
  db: ServerDb,
  range: Range,
  next: string,
): Promise<PaidServiceDone[]> {
  const rows = await queryRows<PaidServiceDone>(
    db,
    sql`SELECT id, account_id AS "accountId", supplier_id AS "supplierId", price
          FROM service_requests
         WHERE account_id >= ${range.first} AND account_id <= ${range.last}
           AND branch_id = ${range.branchId} AND deleted_at IS NULL
           AND status = 'done' AND price > 0 AND supplier_id IS NOT NULL
           AND charged_period IS NULL AND done_on < ${next}
         ORDER BY account_id, id`,
  )
  return rows.map((r) => ({ ...r, price: Number(r.price) }))
}

/**
 * The charge lines of an account's paid services done: one line each, a single service at its
 * price (volume 1, no zone or basis: nothing was metered). They count in the bill's charged sum
 * like any other line.
 */
export function paidServiceCharges(
  done: readonly PaidServiceDone[],
  period: string,
  createdAt: string,
  newId: () => string,
): Row[] {
  return done.map((d) => ({
    id: newId(),
    accountId: d.accountId,
    supplierId: d.supplierId,
    service: 'electricity',
    period,
    kind: 'charge',
    volume: '1',
    basis: null,
    rateMillikopecks: d.price * 1000,
    amount: d.price,
    createdAt,
    zone: null,
    recalculatedPeriod: null,
  }))
}
