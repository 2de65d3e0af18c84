import { installMeterSchema } from '../../src-shared/meters/schemas'
import {
  assertServiceOnAccount,
  commandDay,
  installNewMeter,
  openAccountInBranch,
  recheck,
} from './meter-facts'
import { serverCommand } from './server-command'

/** meter.install v1: the meter and its initial readings under the workstation's ids. */
export const meterInstall = serverCommand({
  name: 'meter.install',
  async apply(tx, write, input, ctx) {
    const { today, period } = await commandDay(tx, ctx.at, input.timeZone)
    const args = recheck(installMeterSchema({ today }), input)
    await openAccountInBranch(tx, args.accountId, ctx.branchId)
    await assertServiceOnAccount(tx, args.accountId, args.meter.service)
    await installNewMeter(tx, write, input, args, period, ctx)
    return { meterId: input.newMeterId }
  },
})
