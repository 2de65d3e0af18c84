import { addMonths } from '../../src-shared/readings/calendar'
import { officeToday, runCommand } from '../api/context'
import type { DomainHandlers } from '../api/dispatch'
import { supervisorOf } from '../operators/supervisor'
import { deleteReading } from './delete-reading'
import { readingEntryContext } from './entry-context'
import { readingHistory } from './history'
import { consumptionStatistics } from './statistics'
import { submitReadings } from './submit-readings'

export const readingHandlers: DomainHandlers<'readings'> = {
  'readings.entryContext': (input, ctx) =>
    readingEntryContext(ctx.services.db, input.accountId, officeToday(ctx)),

  'readings.submit': (input, ctx) =>
    runCommand(ctx, submitReadings, {
      ...input,
      timeZone: ctx.services.timeZone,
      acceptedBy: supervisorOf(ctx, input.supervisor),
    }),

  'readings.history': (input, ctx) => {
    const to = input.to ?? officeToday(ctx)
    return readingHistory(ctx.services.db, {
      accountId: input.accountId,
      meterId: input.meterId,
      // The previous 12 months by default.
      from: input.from ?? addMonths(to, -12),
      to,
    })
  },

  'readings.delete': (input, ctx) =>
    runCommand(ctx, deleteReading, { ...input, bySupervisor: ctx.session?.role === 'supervisor' }),

  'readings.statistics': (input, ctx) =>
    consumptionStatistics(ctx.services.db, input.meterId, input.year),
}
