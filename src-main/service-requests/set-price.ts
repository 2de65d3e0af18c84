import { uuidv7 } from 'uuidv7'
import type { PriceListSetArgs } from '../../src-shared/service-requests/schemas'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { prepared } from '../db/prepared'

/** priceList.set: a kind's price from a date, after the latest one; past prices stay. */
export const setPrice: CommandDef<PriceListSetArgs, { priceId: string }, 'priceList.set'> = {
  name: 'priceList.set',
  argsVersion: 1,
  apply(tx, args) {
    const sqlite = tx.$client
    if (!prepared(sqlite, 'SELECT 1 FROM suppliers WHERE id = ?').get(args.supplierId))
      throw ApiFailure.field('supplierId', 'Поставщик: не найден.')
    const latest = prepared(sqlite, 'SELECT max(valid_from) FROM price_list WHERE kind = ?')
      .pluck()
      .get(args.kind) as string | null
    if (latest && latest >= args.validFrom) {
      throw ApiFailure.field(
        'validFrom',
        `Действует с: позже ${latest.split('-').reverse().join('.')}, даты последней цены.`,
      )
    }
    const priceId = uuidv7()
    prepared(
      sqlite,
      `INSERT INTO price_list (id, kind, valid_from, price, supplier_id)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(priceId, args.kind, args.validFrom, args.price, args.supplierId)
    return {
      result: { priceId },
      recorded: { ...args, priceId },
      audit: [
        {
          action: 'priceList.set',
          entity: 'price_list',
          entityId: priceId,
          details: { new: args },
        },
      ],
    }
  },
}
