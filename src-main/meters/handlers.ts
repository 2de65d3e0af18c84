import { commandActor, officeToday } from '../api/context'
import type { Handler } from '../api/dispatch'
import { executeCommand } from '../commands/command'
import { meterFormContext } from './form-context'
import { installMeter } from './install-meter'
import { removeMeter } from './remove-meter'
import { replaceMeter } from './replace-meter'

export const meterHandlers: {
  'meters.formContext': Handler<'meters.formContext'>
  'meters.install': Handler<'meters.install'>
  'meters.replace': Handler<'meters.replace'>
  'meters.remove': Handler<'meters.remove'>
} = {
  'meters.formContext': (input, ctx) =>
    meterFormContext(ctx.services.db, input.accountId, input.meterId, officeToday(ctx)),

  'meters.install': (input, ctx) =>
    executeCommand(
      ctx.services.db,
      installMeter,
      { ...input, timeZone: ctx.services.timeZone },
      commandActor(ctx),
    ),

  'meters.replace': (input, ctx) =>
    executeCommand(
      ctx.services.db,
      replaceMeter,
      { ...input, timeZone: ctx.services.timeZone },
      commandActor(ctx),
    ),

  'meters.remove': (input, ctx) =>
    executeCommand(
      ctx.services.db,
      removeMeter,
      { ...input, timeZone: ctx.services.timeZone },
      commandActor(ctx),
    ),
}
