import { sql } from 'drizzle-orm'
import { checkShiftClose } from '../../src-shared/shifts/close-check'
import { syncMessages } from '../../src-shared/sync/messages'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { settingOnQuery, settingValue } from '../settings/settings'
import { shiftOfWorkstation } from './lookups'
import { reject, serverCommand } from './server-command'

/** shift.open v1: the workstation's shift as the cashier opened it. */
export const shiftOpen = serverCommand({
  name: 'shift.open',
  async apply(tx, write, args, ctx) {
    const ws = await queryRow<{ officeId: string }>(
      tx,
      sql`SELECT office_id AS "officeId" FROM workstations WHERE id = ${ctx.workstationId}`,
    )
    await write.insert('shifts', [
      {
        id: args.shiftId,
        workstationId: ctx.workstationId,
        officeId: ws?.officeId ?? null,
        openedBy: ctx.operatorId,
        openedAt: args.openedAt,
        openingCash: args.openingCash,
      },
    ])
    return { shiftId: args.shiftId }
  },
})

interface PaymentTotals {
  count: number
  total: number
}

/** What the server holds for a shift: payments taken in it and cancellations made in it. */
interface ShiftHeld {
  payments: PaymentTotals
  cancellations: PaymentTotals
}

async function heldTotals(tx: ServerDb, shiftId: string): Promise<ShiftHeld> {
  // PostgreSQL's count and sum may arrive as strings.
  const row = (await queryRow<Record<string, number | string>>(
    tx,
    sql`SELECT (SELECT count(*) FROM payments WHERE shift_id = ${shiftId}) AS pc,
               (SELECT coalesce(sum(amount), 0)::bigint FROM payments WHERE shift_id = ${shiftId}) AS pt,
               (SELECT count(*) FROM payment_cancellations WHERE shift_id = ${shiftId}) AS cc,
               (SELECT coalesce(sum(p.amount), 0)::bigint
                  FROM payment_cancellations x JOIN payments p ON p.id = x.payment_id
                 WHERE x.shift_id = ${shiftId}) AS ct`,
  ))!
  return {
    payments: { count: Number(row.pc), total: Number(row.pt) },
    cancellations: { count: Number(row.cc), total: Number(row.ct) },
  }
}

/** Each side the report states (an old client's report may lack cancellations) against the held. */
function totalsDiffer(
  reported: Partial<Record<keyof ShiftHeld, PaymentTotals>>,
  held: ShiftHeld,
): boolean {
  return (['payments', 'cancellations'] as const).some((side) => {
    const r = reported[side]
    return r !== undefined && (r.count !== held[side].count || r.total !== held[side].total)
  })
}

/**
 * shift.close v1: the frozen Z report. The server compares the shift's totals, payments taken in
 * it and cancellations (refunds) made in it, count and sum, with what it holds; a difference is
 * answered (and kept with the command) for supervisors to look into: a refund the server
 * rejected (a payment cancelled twice) shows here.
 */
export const shiftClose = serverCommand({
  name: 'shift.close',
  async apply(tx, write, args, ctx) {
    const shift = await queryRow(tx, shiftOfWorkstation(args.shiftId, ctx.workstationId))
    if (!shift) reject(syncMessages.shiftNotOfWorkstation)
    // The same rule the desk applied: a difference has its reason, a large one its supervisor
    // (checked as an operator of the branch by the actors' check).
    const difference = (args.totals as { difference?: unknown }).difference
    if (typeof difference === 'number' && Number.isSafeInteger(difference) && difference !== 0) {
      const threshold = await queryRow<{ value: string | null }>(
        tx,
        sql`SELECT ${settingOnQuery('shiftDifferenceSupervisorThreshold', args.closedAt.slice(0, 10))} AS value`,
      )
      const check = checkShiftClose(
        difference,
        settingValue('shiftDifferenceSupervisorThreshold', threshold?.value ?? null),
        args.differenceReason,
        args.supervisorId !== undefined,
      )
      if (!check.ok) reject(syncMessages.invalidArgs(check.message))
    }
    await write.update('shifts', args.shiftId, {
      closedAt: args.closedAt,
      closedBy: ctx.operatorId,
      countedCash: args.countedCash,
      report: JSON.stringify(args.totals),
    })
    const held = await heldTotals(tx, args.shiftId)
    const reported = args.totals as Partial<Record<keyof ShiftHeld, PaymentTotals>>
    return {
      shiftId: args.shiftId,
      held: held.payments,
      heldCancellations: held.cancellations,
      totalsDiffer: totalsDiffer(reported, held),
    }
  },
})
