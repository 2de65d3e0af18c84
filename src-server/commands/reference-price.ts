import { sql } from 'drizzle-orm'
import { requestMessages } from '../../src-shared/service-requests/messages'
import { queryRow } from '../db/query'
import { requireSupplierDatedChange } from './reference-admin'
import { reject, serverCommand } from './server-command'

/** priceList.set v1: a global price of a kind from a date, after its latest one. */
export const priceListSet = serverCommand({
  name: 'priceList.set',
  async apply(tx, write, args, ctx) {
    await requireSupplierDatedChange(tx, args, ctx)
    const latest = await queryRow<{ validFrom: string | null }>(
      tx,
      sql`SELECT max(valid_from) AS "validFrom" FROM price_list
           WHERE kind = ${args.kind} AND branch_id IS NULL AND deleted_at IS NULL`,
    )
    if (latest?.validFrom && latest.validFrom >= args.validFrom)
      reject(requestMessages.priceLatest(latest.validFrom))
    const global = write.global()
    await global.insert('price_list', [
      {
        id: args.priceId,
        kind: args.kind,
        validFrom: args.validFrom,
        price: args.price,
        supplierId: args.supplierId,
      },
    ])
    await global.flush()
    return { priceId: args.priceId }
  },
})
