import { eq } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { OpenShift } from '../../src-shared/shifts/contract'
import type { ShiftReport } from '../../src-shared/shifts/report'
import { officeDate } from '../../src-shared/dates'
import { checkShiftClose } from '../../src-shared/shifts/close-check'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { shifts, workstations } from '../db/schema'
import type { Supervisor } from '../operators/supervisor'
import { readSetting } from '../settings/settings'
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

export interface CloseShiftArgs {
  countedCash: number
  differenceReason?: string
  /** Checked by the handler: the supervisor logged in, or one who confirmed with a password. */
  supervisor?: Supervisor | null
}

/**
 * shift.close: the counted cash against the expected; the Z report is frozen in the row. A
 * difference needs a reason, one above the dated threshold a supervisor.
 */
export const closeShift: CommandDef<
  CloseShiftArgs,
  { shiftId: string; report: ShiftReport },
  'shift.close'
> = {
  name: 'shift.close',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const open = openShiftOf(tx, ctx.workstationId, ctx.now)
    if (!open) throw new ApiFailure('conflict', 'Открытой смены нет.')
    const report = closingReport(tx, shiftById(tx, open.id)!, ctx.at, args.countedCash)
    const today = officeDate(
      ctx.now,
      readSetting(tx, 'officeTimeZone', officeDate(ctx.now, 'Europe/Moscow')),
    )
    const check = checkShiftClose(
      report.difference ?? 0,
      readSetting(tx, 'shiftDifferenceSupervisorThreshold', today),
      args.differenceReason,
      !!args.supervisor,
    )
    if (!check.ok) {
      const code = check.field === 'supervisor' ? 'forbidden' : 'invalid_input'
      throw new ApiFailure(code, check.message, { [check.field]: check.message })
    }
    const confirmation = {
      ...(args.differenceReason ? { differenceReason: args.differenceReason } : {}),
      ...(args.supervisor && report.difference ? { supervisorId: args.supervisor.id } : {}),
    }
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
            ...(args.differenceReason ? { differenceReason: args.differenceReason } : {}),
            ...(confirmation.supervisorId ? { supervisor: args.supervisor!.fullName } : {}),
          },
        },
      ],
      // The totals travel with the command: the server compares them with the payments it holds.
      recorded: {
        countedCash: args.countedCash,
        ...confirmation,
        shiftId: open.id,
        closedAt: ctx.at,
        totals: report,
      },
    }
  },
}
