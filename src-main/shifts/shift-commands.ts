import { eq } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { OpenShift } from '../../src-shared/shifts/contract'
import type { ShiftReport } from '../../src-shared/shifts/report'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { shifts, workstations } from '../db/schema'
import { closingReport, openShiftOf, shiftById } from './shifts'

/** shift.open: the cashier opens the workstation's shift with the cash in the drawer. */
export const openShift: CommandDef<{ openingCash: number }, OpenShift, 'shift.open'> = {
  name: 'shift.open',
  argsVersion: 1,
  apply(tx, args, ctx) {
    if (openShiftOf(tx, ctx.workstationId, ctx.now))
      throw new ApiFailure('conflict', 'Смена уже открыта: сначала закройте текущую смену.')
    const office = ctx.workstationId
      ? tx
          .select({ officeId: workstations.officeId })
          .from(workstations)
          .where(eq(workstations.id, ctx.workstationId))
          .get()
      : undefined
    const id = uuidv7()
    tx.insert(shifts)
      .values({
        id,
        workstationId: ctx.workstationId,
        officeId: office?.officeId ?? null,
        openedBy: ctx.operatorId,
        openedAt: ctx.at,
        openingCash: args.openingCash,
      })
      .run()
    return {
      result: openShiftOf(tx, ctx.workstationId, ctx.now)!,
      audit: [{ action: 'shift.open', entity: 'shift', entityId: id, details: args }],
      recorded: { ...args, shiftId: id, openedAt: ctx.at },
    }
  },
}

/** shift.close: the counted cash against the expected; the Z report is frozen in the row. */
export const closeShift: CommandDef<
  { countedCash: number },
  { shiftId: string; report: ShiftReport },
  'shift.close'
> = {
  name: 'shift.close',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const open = openShiftOf(tx, ctx.workstationId, ctx.now)
    if (!open) throw new ApiFailure('conflict', 'Открытой смены нет.')
    const report = closingReport(tx, shiftById(tx, open.id)!, ctx.at, args.countedCash)
    tx.update(shifts)
      .set({
        closedAt: ctx.at,
        closedBy: ctx.operatorId,
        countedCash: args.countedCash,
        report: JSON.stringify(report),
      })
      .where(eq(shifts.id, open.id))
      .run()
    return {
      result: { shiftId: open.id, report },
      audit: [
        {
          action: 'shift.close',
          entity: 'shift',
          entityId: open.id,
          details: {
            countedCash: args.countedCash,
            expectedCash: report.expectedCash,
            difference: report.difference,
            payments: report.payments,
            cancellations: report.cancellations,
          },
        },
      ],
      // The totals travel with the command: the server compares them with the payments it holds.
      recorded: { ...args, shiftId: open.id, closedAt: ctx.at, totals: report },
    }
  },
}
