import { removeMeterSchema } from '../../src-shared/meters/schemas'
import { dayAndOldMeter, recheck, removeOldMeter } from './meter-facts'
import { serverCommand } from './server-command'

/** meter.remove v1: the final readings, then the meter is removed; its readings stay. */
export const meterRemove = serverCommand({
  name: 'meter.remove',
  async apply(tx, write, input, ctx) {
    const { today, period, old } = await dayAndOldMeter(tx, input, ctx)
    const args = recheck(removeMeterSchema({ today, old }), input)
    await removeOldMeter(write, old, input, args, { date: args.removedAt, period }, ctx)
    return { meterId: old.id }
  },
})
