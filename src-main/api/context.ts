import { officeDate } from '../../src-shared/dates'
import type { CommandActor } from '../commands/command'
import type { HandlerContext } from './dispatch'

/** Today on the office calendar, as the handlers' clock sees it. */
export function officeToday(ctx: HandlerContext): string {
  return officeDate(ctx.services.clock(), ctx.services.timeZone)
}

/** Who a command is made by, and when. */
export function commandActor(ctx: HandlerContext): CommandActor {
  return { operatorId: ctx.session?.operatorId ?? null, now: ctx.services.clock() }
}
