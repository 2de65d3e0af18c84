import { officeDate } from '../../src-shared/dates'
import { installMeterSchema, type InstallMeterArgs } from '../../src-shared/meters/schemas'
import type { CommandDef } from '../commands/command'
import { checked } from './checked'
import { openAccount } from './meter-facts'
import { assertServiceOnAccount, entryPeriod, installNewMeter } from './new-meter'

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
    const { meterId, initialReadingIds } = installNewMeter(
      tx,
      args.accountId,
      args.meter,
      { date: args.meter.installedAt, period: entryPeriod(tx, today) },
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
