import { replaceMeterSchema } from '../../src-shared/meters/schemas'
import {
  assertServiceOnAccount,
  dayAndOldMeter,
  installNewMeter,
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
    const { today, period, old } = await dayAndOldMeter(tx, input, ctx)
    const args = recheck(replaceMeterSchema({ today, old }), input)
    if (args.meter.service !== old.service)
      reject('Услуга: новый счетчик учитывает ту же услугу, что и снимаемый.')
    await assertServiceOnAccount(tx, args.accountId, args.meter.service)
    await removeOldMeter(write, old, input, args, { date: args.meter.installedAt, period }, ctx)
    await installNewMeter(tx, write, input, args, period, ctx)
    return { meterId: input.newMeterId }
  },
})
