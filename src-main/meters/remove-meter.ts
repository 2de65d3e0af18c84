import { removeMeterSchema, type RemoveMeterArgs } from '../../src-shared/meters/schemas'
import type { CommandDef } from '../commands/command'
import { checked } from './checked'
import { dayAndOldMeter } from './meter-facts'
import { entryPeriod, removalDetails, removeOldMeter } from './new-meter'

export interface RemoveMeterCommandArgs extends RemoveMeterArgs {
  timeZone: string
}

/** meter.remove: the final reading per zone, then the meter is removed (its readings stay). */
export const removeMeter: CommandDef<RemoveMeterCommandArgs, { meterId: string }, 'meter.remove'> =
  {
    name: 'meter.remove',
    argsVersion: 1,
    apply(tx, input, ctx) {
      const { today, old } = dayAndOldMeter(tx, input, ctx.now)
      const args = checked(removeMeterSchema({ today, old }), input)
      const when = { date: args.removedAt, period: entryPeriod(tx, today) }
      const finalReadingIds = removeOldMeter(tx, args.accountId, old, args.finalReadings, when, ctx)
      return {
        result: { meterId: old.id },
        recorded: { ...args, timeZone: input.timeZone, finalReadingIds },
        audit: [
          {
            action: 'meter.remove',
            entity: 'meter',
            entityId: old.id,
            accountId: args.accountId,
            details: {
              ...removalDetails(old, args.removedAt, args.finalReadings),
              reason: args.reason,
            },
          },
        ],
      }
    },
  }
