import { meterReadingFlags } from '../../src-shared/meters/meter-rows'
import { removeMeterSchema } from '../../src-shared/meters/schemas'
import {
  activeMeterOf,
  commandDay,
  insertMeterReadings,
  openAccountInBranch,
  recheck,
} from './meter-facts'
import { serverCommand } from './server-command'

/** meter.remove v1: the final readings, then the meter is removed; its readings stay. */
export const meterRemove = serverCommand({
  name: 'meter.remove',
  async apply(tx, write, input, ctx) {
    const { today, period } = await commandDay(tx, ctx.at, input.timeZone)
    await openAccountInBranch(tx, input.accountId, ctx.branchId)
    const old = await activeMeterOf(tx, input.accountId, input.meterId)
    const args = recheck(removeMeterSchema({ today, old }), input)
    await insertMeterReadings(
      write,
      {
        meterId: old.id,
        accountId: args.accountId,
        typed: args.finalReadings,
        ids: input.finalReadingIds,
        meter: old,
        previous: old.previous,
        date: args.removedAt,
        period,
        flag: meterReadingFlags.removed,
      },
      ctx,
    )
    await write.update('meters', old.id, { status: 'removed', removedAt: args.removedAt })
    return { meterId: old.id }
  },
})
