import { renderShiftReportHtml } from '../../src-shared/documents/shift-report-html'
import { runCommand } from '../api/context'
import { printA4 } from '../documents/print-a4'
import type { DomainHandlers, HandlerContext } from '../api/dispatch'
import { ApiFailure } from '../api/failure'
import { supervisorOf } from '../operators/supervisor'
import { currentDevice } from '../workstation/device'
import { closeShift, openShift } from './shift-commands'
import { openShiftOf, shiftById, shiftReport } from './shifts'

/** The named shift, or this workstation's open one. */
function shiftDocument(ctx: HandlerContext, shiftId: string | undefined) {
  const { db } = ctx.services
  const id = shiftId ?? openShiftOf(db, currentDevice(db).workstationId, ctx.services.clock())?.id
  const shift = id ? shiftById(db, id) : undefined
  if (!shift) throw new ApiFailure('not_found', 'Смена не найдена: откройте смену.')
  const report = shiftReport(db, shift)
  const place = db.$client
    .prepare(
      `SELECT f.address, w.name FROM shifts s
         LEFT JOIN workstations w ON w.id = s.workstation_id
         LEFT JOIN offices f ON f.id = s.office_id WHERE s.id = ?`,
    )
    .get(shift.id) as { address: string | null; name: string | null }
  const html = renderShiftReportHtml(report, {
    officeAddress: place.address ?? '',
    workstation: place.name ?? '',
    cashier: shift.openedByName ?? '',
    timeZone: ctx.services.timeZone,
  })
  return { shiftId: shift.id, report, html }
}

export const shiftHandlers: DomainHandlers<'shifts'> = {
  'shifts.current': (_input, ctx) =>
    openShiftOf(
      ctx.services.db,
      currentDevice(ctx.services.db).workstationId,
      ctx.services.clock(),
    ),
  'shifts.open': (input, ctx) => runCommand(ctx, openShift, input),
  'shifts.report': (input, ctx) => shiftDocument(ctx, input.shiftId),
  'shifts.close': (input, ctx) =>
    runCommand(ctx, closeShift, {
      countedCash: input.countedCash,
      differenceReason: input.differenceReason || undefined,
      supervisor: supervisorOf(ctx, input.supervisor),
    }),
  'shifts.print': async (input, ctx) => {
    const { html, report } = shiftDocument(ctx, input.shiftId)
    return printA4(ctx, { html, name: `${report.kind === 'z' ? 'Z' : 'X'}-${input.shiftId}` })
  },
}
