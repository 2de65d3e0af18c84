import { sql } from 'drizzle-orm'
import { settingSetSchema } from '../../src-shared/reference/schemas'
import { queryRow } from '../db/query'
import { SyncedWriter } from '../sync/synced-write'
import { allocateVersions } from '../sync/versions'
import { requireAdmin, requireNotPast } from './reference-admin'
import { serverCommand } from './server-command'

/** setting.set v1: a global setting's value from a date; the same date's value is replaced. */
export const settingSet = serverCommand({
  name: 'setting.set',
  argsVersion: 1,
  args: settingSetSchema,
  async apply(tx, _write, args, ctx) {
    await requireAdmin(tx, ctx)
    await requireNotPast(tx, args.validFrom, ctx.at)
    const value = JSON.stringify(args.value)
    const same = await queryRow(
      tx,
      sql`SELECT 1 FROM settings WHERE key = ${args.key} AND valid_from = ${args.validFrom}`,
    )
    if (same) {
      // Settings are keyed by (key, valid_from), not an id: a new global version by hand.
      const version = await allocateVersions(tx, null, 1)
      await tx.execute(
        sql`UPDATE settings SET value = ${value}, sync_version = ${version}, deleted_at = NULL
             WHERE key = ${args.key} AND valid_from = ${args.validFrom}`,
      )
    } else {
      const global = new SyncedWriter(tx, null)
      await global.insert('settings', [{ key: args.key, validFrom: args.validFrom, value }])
      await global.flush()
    }
    return null
  },
})
