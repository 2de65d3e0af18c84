import { sql } from 'drizzle-orm'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'

/** The periods the period close has closed for a branch: a reading entered now counts after them. */
export async function closedPeriodsOf(db: ServerDb, branchId: string): Promise<string[]> {
  const rows = await queryRows<{ period: string }>(
    db,
    sql`SELECT period FROM billing_periods
         WHERE branch_id = ${branchId} AND status = 'closed' AND deleted_at IS NULL
         ORDER BY period`,
  )
  return rows.map((r) => r.period)
}
