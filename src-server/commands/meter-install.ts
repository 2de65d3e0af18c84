import { z } from 'zod'
import { meterReadingFlags } from '../../src-shared/meters/meter-rows'
import { installMeterSchema } from '../../src-shared/meters/schemas'
import {
  assertSerialFree,
  assertServiceOnAccount,
  commandDay,
  insertMeterReadings,
  insertNewMeter,
  openAccountInBranch,
  recheck,
  zoneIds,
} from './meter-facts'
import { recordedArgs, serverCommand } from './server-command'

const made = z.object({
  timeZone: z.string().min(1),
  newMeterId: z.string().min(1),
  initialReadingIds: zoneIds,
})

/** meter.install v1: the meter and its initial readings under the workstation's ids. */
export const meterInstall = serverCommand({
  name: 'meter.install',
  argsVersion: 1,
  args: recordedArgs(installMeterSchema(), made),
  async apply(tx, write, input, ctx) {
    const { today, period } = await commandDay(tx, ctx.at, input.timeZone)
    const args = recheck(installMeterSchema({ today }), input)
    await openAccountInBranch(tx, args.accountId, ctx.branchId)
    await assertServiceOnAccount(tx, args.accountId, args.meter.service)
    await assertSerialFree(tx, args.meter)
    await insertNewMeter(write, input.newMeterId, args.accountId, args.meter)
    await insertMeterReadings(
      write,
      {
        meterId: input.newMeterId,
        accountId: args.accountId,
        typed: args.meter.initialReadings,
        ids: input.initialReadingIds,
        meter: args.meter,
        date: args.meter.installedAt,
        period,
        flag: meterReadingFlags.installed,
      },
      ctx,
    )
    return { meterId: input.newMeterId }
  },
})
