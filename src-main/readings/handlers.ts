import { officeDate } from '../../src-shared/dates'
import type { Handler, HandlerContext } from '../api/dispatch'
import { executeCommand } from '../commands/command'
import { supervisorOf } from '../operators/supervisor'
import { deleteReading } from './delete-reading'
import { readingEntryContext } from './entry-context'
import { readingHistory } from './history'
import { consumptionStatistics } from './statistics'
import { submitReadings } from './submit-readings'

function today(ctx: HandlerContext): string {
  return officeDate(ctx.services.clock(), ctx.services.timeZone)
}

function actor(ctx: HandlerContext) {
  return { operatorId: ctx.session?.operatorId ?? null, now: ctx.services.clock() }
}

export const readingHandlers: {
  'readings.entryContext': Handler<'readings.entryContext'>
  'readings.submit': Handler<'readings.submit'>
  'readings.history': Handler<'readings.history'>
  'readings.delete': Handler<'readings.delete'>
  'readings.statistics': Handler<'readings.statistics'>
} = {
  'readings.entryContext': (input, ctx) =>
    readingEntryContext(ctx.services.db, input.accountId, today(ctx)),

  'readings.submit': (input, ctx) =>
    executeCommand(
      ctx.services.db,
      submitReadings,
      {
        ...input,
        timeZone: ctx.services.timeZone,
        acceptedBy: supervisorOf(ctx, input.supervisor),
      },
      actor(ctx),
    ),

  'readings.history': (input, ctx) => {
    const to = input.to ?? today(ctx)
    const year = Number(to.slice(0, 4)) - 1
    return readingHistory(ctx.services.db, {
      accountId: input.accountId,
      meterId: input.meterId,
      // The previous 12 months by default.
      from: input.from ?? `${year}${to.slice(4)}`,
      to,
    })
  },

  'readings.delete': (input, ctx) =>
    executeCommand(
      ctx.services.db,
      deleteReading,
      { ...input, bySupervisor: ctx.session?.role === 'supervisor' },
      actor(ctx),
    ),

  'readings.statistics': (input, ctx) =>
    consumptionStatistics(ctx.services.db, input.meterId, input.year),
}
