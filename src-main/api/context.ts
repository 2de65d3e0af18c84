import { officeDate } from '../../src-shared/dates'
import type { CommandName } from '../../src-shared/sync/commands'
import { executeCommand, type CommandActor, type CommandDef } from '../commands/command'
import type { HandlerContext } from './dispatch'

/** Today on the office calendar, as the handlers' clock sees it. */
export function officeToday(ctx: HandlerContext): string {
  return officeDate(ctx.services.clock(), ctx.services.timeZone)
}

/** Who a command is made by, and when. */
export function commandActor(ctx: HandlerContext): CommandActor {
  return { operatorId: ctx.session?.operatorId ?? null, now: ctx.services.clock() }
}

/** A command made by the handler's operator now, in one replica transaction: how a handler writes. */
export function runCommand<A, R, N extends CommandName>(
  ctx: HandlerContext,
  def: CommandDef<A, R, N>,
  args: A,
): R {
  return executeCommand(ctx.services.db, def, args, commandActor(ctx))
}
