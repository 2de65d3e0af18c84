import { z } from 'zod'
import { meterReadingFlags } from '../../src-shared/meters/meter-rows'
import { removeMeterSchema } from '../../src-shared/meters/schemas'
import {
  activeMeterOf,
  commandDay,
  insertMeterReadings,
  openAccountInBranch,
  recheck,
  zoneIds,
} from './meter-facts'
import { recordedArgs, serverCommand } from './server-command'

const made = z.object({ timeZone: z.string().min(1), finalReadingIds: zoneIds })

/** meter.remove v1: the final readings, then the meter is removed; its readings stay. */
export const meterRemove = serverCommand({
  name: 'meter.remove',
  argsVersion: 1,
  args: recordedArgs(removeMeterSchema(), made),
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
