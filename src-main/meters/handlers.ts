import { officeToday, runCommand } from '../api/context'
import type { DomainHandlers } from '../api/dispatch'
import { meterFormContext } from './form-context'
import { installMeter } from './install-meter'
import { removeMeter } from './remove-meter'
import { replaceMeter } from './replace-meter'

export const meterHandlers: DomainHandlers<'meters'> = {
  'meters.formContext': (input, ctx) =>
    meterFormContext(ctx.services.db, input.accountId, input.meterId, officeToday(ctx)),

  'meters.install': (input, ctx) =>
    runCommand(ctx, installMeter, { ...input, timeZone: ctx.services.timeZone }),

  'meters.replace': (input, ctx) =>
    runCommand(ctx, replaceMeter, { ...input, timeZone: ctx.services.timeZone }),

  'meters.remove': (input, ctx) =>
    runCommand(ctx, removeMeter, { ...input, timeZone: ctx.services.timeZone }),
}
