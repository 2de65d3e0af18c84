import { sql } from 'drizzle-orm'
import { dayBefore } from '../../src-shared/dates'
import { rateMillikopecks } from '../../src-shared/settings/schemas'
import { queryRow } from '../db/query'
import { requireSupplierDatedChange } from './reference-admin'
import { reject, serverCommand } from './server-command'

/**
 * tariff.set v1: a new global rate from a date, after the latest one of its supplier, service,
 * group and zone; that one only gets its end date. Past rates are never rewritten.
 */
export const tariffSet = serverCommand({
  name: 'tariff.set',
  async apply(tx, write, args, ctx) {
    await requireSupplierDatedChange(tx, args, ctx)
    const latest = await queryRow<{ id: string; validFrom: string; validTo: string | null }>(
      tx,
      sql`SELECT id, valid_from AS "validFrom", valid_to AS "validTo" FROM tariffs
           WHERE supplier_id = ${args.supplierId} AND service = ${args.service}
             AND tariff_group = ${args.tariffGroup} AND zone = ${args.zone} AND deleted_at IS NULL
           ORDER BY valid_from DESC LIMIT 1`,
    )
    if (latest && latest.validFrom >= args.validFrom) {
      reject(`Действует с: позже ${latest.validFrom}, даты последней ставки.`)
    }
    // Tariffs are global rows: versions from the global counter, pulled by every branch.
    const global = write.global()
    if (latest && (latest.validTo === null || latest.validTo >= args.validFrom)) {
      await global.update('tariffs', latest.id, { validTo: dayBefore(args.validFrom) })
    }
    await global.insert('tariffs', [
      {
        id: args.tariffId,
        supplierId: args.supplierId,
        service: args.service,
        tariffGroup: args.tariffGroup,
        zone: args.zone,
        validFrom: args.validFrom,
        validTo: null,
        rateMillikopecks: rateMillikopecks(args.rate),
      },
    ])
    await global.flush()
    return { tariffId: args.tariffId }
  },
})
