import { eq } from 'drizzle-orm'
import { officeDate } from '../../src-shared/dates'
import { meterReadingFlags } from '../../src-shared/meters/meter-rows'
import { removeMeterSchema, type RemoveMeterArgs } from '../../src-shared/meters/schemas'
import type { CommandDef } from '../commands/command'
import { meters } from '../db/schema'
import { checked } from './checked'
import { activeMeter, openAccount } from './meter-facts'
import { entryPeriod, insertMeterReadings } from './new-meter'

export interface RemoveMeterCommandArgs extends RemoveMeterArgs {
  timeZone: string
}

/** meter.remove: the final reading per zone, then the meter is removed (its readings stay). */
export const removeMeter: CommandDef<RemoveMeterCommandArgs, { meterId: string }, 'meter.remove'> =
  {
    name: 'meter.remove',
    argsVersion: 1,
    apply(tx, input, ctx) {
      const today = officeDate(ctx.now, input.timeZone)
      openAccount(tx, input.accountId)
      const old = activeMeter(tx, input.accountId, input.meterId)
      const args = checked(removeMeterSchema({ today, old }), input)
      const finalReadingIds = insertMeterReadings(
        tx,
        {
          meterId: old.id,
          accountId: args.accountId,
          typed: args.finalReadings,
          meter: old,
          previous: old.previous,
          date: args.removedAt,
          period: entryPeriod(tx, today),
          flag: meterReadingFlags.removed,
        },
        ctx,
      )
      tx.update(meters)
        .set({ status: 'removed', removedAt: args.removedAt })
        .where(eq(meters.id, old.id))
        .run()
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
              old: { model: old.model, serialNumber: old.serialNumber, status: 'active' },
              new: {
                status: 'removed',
                removedAt: args.removedAt,
                finalReadings: args.finalReadings,
              },
              reason: args.reason,
            },
          },
        ],
      }
    },
  }
