import { uuidv7 } from 'uuidv7'
import { dayBefore } from '../../src-shared/dates'
import { rateMillikopecks, type TariffSetArgs } from '../../src-shared/settings/schemas'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { prepared } from '../db/prepared'

/**
 * tariff.set: a new rate from a date, after every rate already there for the same supplier,
 * service, tariff group and zone. Past rates are never rewritten: the rate in force until then
 * only gets its end date, the day before.
 */
export const setTariff: CommandDef<TariffSetArgs, { tariffId: string }, 'tariff.set'> = {
  name: 'tariff.set',
  argsVersion: 1,
  apply(tx, args) {
    const sqlite = tx.$client
    if (!prepared(sqlite, 'SELECT 1 FROM suppliers WHERE id = ?').get(args.supplierId)) {
      throw ApiFailure.field('supplierId', 'Поставщик: не найден.')
    }
    const latest = prepared(
      sqlite,
      `SELECT id, valid_from AS validFrom, valid_to AS validTo FROM tariffs
        WHERE supplier_id = @supplierId AND service = @service AND tariff_group = @tariffGroup
          AND zone = @zone
        ORDER BY valid_from DESC LIMIT 1`,
    ).get(args) as { id: string; validFrom: string; validTo: string | null } | undefined
    if (latest && latest.validFrom >= args.validFrom) {
      throw ApiFailure.field(
        'validFrom',
        `Действует с: позже ${latest.validFrom.split('-').reverse().join('.')}, даты последней ставки.`,
      )
    }
    const tariffId = uuidv7()
    const closed =
      latest && (latest.validTo === null || latest.validTo >= args.validFrom) ? latest : null
    if (closed) {
      prepared(sqlite, 'UPDATE tariffs SET valid_to = @validTo WHERE id = @id').run({
        id: closed.id,
        validTo: dayBefore(args.validFrom),
      })
    }
    const rate = rateMillikopecks(args.rate)
    prepared(
      sqlite,
      `INSERT INTO tariffs (id, supplier_id, service, tariff_group, zone, valid_from, valid_to, rate_millikopecks)
       VALUES (@id, @supplierId, @service, @tariffGroup, @zone, @validFrom, NULL, @rate)`,
    ).run({ ...args, id: tariffId, rate })
    return {
      result: { tariffId },
      recorded: { ...args, tariffId },
      audit: [
        {
          action: 'tariff.set',
          entity: 'tariff',
          entityId: tariffId,
          details: {
            new: { ...args, rateMillikopecks: rate },
            ...(closed ? { closedTariff: closed.id, closedOn: dayBefore(args.validFrom) } : {}),
          },
        },
      ],
    }
  },
}
