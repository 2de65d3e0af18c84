import { removeMeterSchema } from '../../src-shared/meters/schemas'
import {
  activeMeterOf,
  commandDay,
  openAccountInBranch,
  recheck,
  removeOldMeter,
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
    await removeOldMeter(
      write,
      {
        old,
        accountId: args.accountId,
        finalReadings: args.finalReadings,
        readingIds: input.finalReadingIds,
        date: args.removedAt,
        period,
      },
      ctx,
    )
    return { meterId: old.id }
  },
})
