import { replaceMeterSchema } from '../../src-shared/meters/schemas'
import {
  activeMeterOf,
  assertServiceOnAccount,
  commandDay,
  installNewMeter,
  openAccountInBranch,
  recheck,
  removeOldMeter,
} from './meter-facts'
import { reject, serverCommand } from './server-command'

/**
 * meter.replace v1: the old meter's final readings (measured against the readings the server
 * holds), its removal, and the new meter with its initial readings, in one transaction.
 */
export const meterReplace = serverCommand({
  name: 'meter.replace',
  async apply(tx, write, input, ctx) {
    const { today, period } = await commandDay(tx, ctx.at, input.timeZone)
    await openAccountInBranch(tx, input.accountId, ctx.branchId)
    const old = await activeMeterOf(tx, input.accountId, input.meterId)
    const args = recheck(replaceMeterSchema({ today, old }), input)
    if (args.meter.service !== old.service)
      reject('Услуга: новый счетчик учитывает ту же услугу, что и снимаемый.')
    await assertServiceOnAccount(tx, args.accountId, args.meter.service)
    await removeOldMeter(
      write,
      {
        old,
        accountId: args.accountId,
        finalReadings: args.finalReadings,
        readingIds: input.finalReadingIds,
        date: args.meter.installedAt,
        period,
      },
      ctx,
    )
    await installNewMeter(
      tx,
      write,
      {
        meterId: input.newMeterId,
        accountId: args.accountId,
        meter: args.meter,
        readingIds: input.initialReadingIds,
        period,
      },
      ctx,
    )
    return { meterId: input.newMeterId }
  },
})
