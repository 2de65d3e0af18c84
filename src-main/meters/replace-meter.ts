import { replaceMeterSchema, type ReplaceMeterArgs } from '../../src-shared/meters/schemas'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { checked } from './checked'
import { dayAndOldMeter } from './meter-facts'
import {
  assertServiceOnAccount,
  entryPeriod,
  installNewMeter,
  removalDetails,
  removeOldMeter,
} from './new-meter'

export interface ReplaceMeterCommandArgs extends ReplaceMeterArgs {
  timeZone: string
}

/**
 * meter.replace, one command: the old meter's final reading per zone, its removal on the new
 * meter's install date, and the new meter with its initial readings. Each meter's consumption
 * is measured on that meter alone, so none spans the two.
 */
export const replaceMeter: CommandDef<
  ReplaceMeterCommandArgs,
  { meterId: string },
  'meter.replace'
> = {
  name: 'meter.replace',
  argsVersion: 1,
  apply(tx, input, ctx) {
    const { today, old } = dayAndOldMeter(tx, input, ctx.now)
    const args = checked(replaceMeterSchema({ today, old }), input)
    if (args.meter.service !== old.service) {
      const message = 'Услуга: новый счетчик учитывает ту же услугу, что и снимаемый.'
      throw checkedFailure(message)
    }
    assertServiceOnAccount(tx, args.accountId, args.meter, 'meter.')
    const when = { date: args.meter.installedAt, period: entryPeriod(tx, today) }
    const finalReadingIds = removeOldMeter(tx, args.accountId, old, args.finalReadings, when, ctx)
    const { meterId, initialReadingIds } = installNewMeter(
      tx,
      args.accountId,
      args.meter,
      when,
      ctx,
    )
    return {
      result: { meterId },
      recorded: {
        ...args,
        timeZone: input.timeZone,
        newMeterId: meterId,
        finalReadingIds,
        initialReadingIds,
      },
      audit: [
        {
          action: 'meter.replace',
          entity: 'meter',
          entityId: old.id,
          accountId: args.accountId,
          details: {
            ...removalDetails(old, when.date, args.finalReadings),
            replacedBy: meterId,
          },
        },
        {
          action: 'meter.install',
          entity: 'meter',
          entityId: meterId,
          accountId: args.accountId,
          details: { new: args.meter, replaces: old.id },
        },
      ],
    }
  },
}

function checkedFailure(message: string): ApiFailure {
  return new ApiFailure('invalid_input', message, { 'meter.service': message })
}
