import { sql } from 'drizzle-orm'
import { lawSettingRows } from '../../src-shared/billing/law-history'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'
import { SyncedWriter } from '../sync/synced-write'

/**
 * Gives a server the dated law billing needs (key rate history, the cap, the moratorium, the
 * penalty scale, the due day, the estimate rule, starting norms) as global settings rows, for
 * each key that has none yet: a fresh production server bills with penalties from its first
 * start, and a key an administrator already keeps is never touched. Returns the rows written.
 */
export async function seedLaw(db: ServerDb): Promise<number> {
  const rows = lawSettingRows()
  const keys = [...new Set(rows.map((r) => r.key))]
  return db.transaction(async (tx) => {
    const present = await queryRows<{ key: string }>(
      tx,
      sql`SELECT DISTINCT key FROM settings
           WHERE branch_id IS NULL AND deleted_at IS NULL
             AND key IN (${sql.join(
               keys.map((k) => sql`${k}`),
               sql`, `,
             )})`,
    )
    const have = new Set(present.map((p) => p.key))
    const missing = rows.filter((r) => !have.has(r.key))
    if (missing.length === 0) return 0
    const write = new SyncedWriter(tx, null)
    // Upserted: a key whose rows were all deleted comes back whole.
    await write.upsert('settings', missing)
    await write.flush()
    return missing.length
  })
}
