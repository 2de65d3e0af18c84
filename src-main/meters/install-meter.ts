import { officeDate } from '../../src-shared/dates'
import { meterReadingFlags } from '../../src-shared/meters/meter-rows'
import { installMeterSchema, type InstallMeterArgs } from '../../src-shared/meters/schemas'
import type { CommandDef } from '../commands/command'
import { checked } from './checked'
import { openAccount } from './meter-facts'
import {
  assertSerialFree,
  assertServiceOnAccount,
  entryPeriod,
  insertMeter,
  insertMeterReadings,
} from './new-meter'

export interface InstallMeterCommandArgs extends InstallMeterArgs {
  /** The office's time zone: dates are checked against the office's today. */
  timeZone: string
}

/** meter.install: a new meter on an account, with its initial reading per zone. */
export const installMeter: CommandDef<
  InstallMeterCommandArgs,
  { meterId: string },
  'meter.install'
> = {
  name: 'meter.install',
  argsVersion: 1,
  apply(tx, input, ctx) {
    const today = officeDate(ctx.now, input.timeZone)
    const args = checked(installMeterSchema({ today }), input)
    openAccount(tx, args.accountId)
    assertServiceOnAccount(tx, args.accountId, args.meter, 'meter.')
    assertSerialFree(tx, args.meter, 'meter.')
    const meterId = insertMeter(tx, args.accountId, args.meter)
    const initialReadingIds = insertMeterReadings(
      tx,
      {
        meterId,
        accountId: args.accountId,
        typed: args.meter.initialReadings,
        meter: args.meter,
        date: args.meter.installedAt,
        period: entryPeriod(tx, today),
        flag: meterReadingFlags.installed,
      },
      ctx,
    )
    return {
      result: { meterId },
      // The server makes the same meter and readings under the same ids.
      recorded: { ...args, timeZone: input.timeZone, newMeterId: meterId, initialReadingIds },
      audit: [
        {
          action: 'meter.install',
          entity: 'meter',
          entityId: meterId,
          accountId: args.accountId,
          details: { new: args.meter },
        },
      ],
    }
  },
}
