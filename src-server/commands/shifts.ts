import { sql } from 'drizzle-orm'
import { syncMessages } from '../../src-shared/sync/messages'
import { queryRow } from '../db/query'
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

/**
 * shift.close v1: the frozen Z report. The server compares the shift's totals with the payments it
 * holds; a difference is answered (and kept with the command) for supervisors to look into.
 */
export const shiftClose = serverCommand({
  name: 'shift.close',
  async apply(tx, write, args, ctx) {
    const shift = await queryRow(tx, shiftOfWorkstation(args.shiftId, ctx.workstationId))
    if (!shift) reject(syncMessages.shiftNotOfWorkstation)
    await write.update('shifts', args.shiftId, {
      closedAt: args.closedAt,
      closedBy: ctx.operatorId,
      countedCash: args.countedCash,
      report: JSON.stringify(args.totals),
    })
    const held = (await queryRow<{ count: number; total: number }>(
      tx,
      sql`SELECT count(*) AS count, coalesce(sum(amount), 0)::bigint AS total
            FROM payments WHERE shift_id = ${args.shiftId}`,
    ))!
    const reported = (args.totals as { payments?: { count: number; total: number } }).payments
    return {
      shiftId: args.shiftId,
      held,
      totalsDiffer:
        reported !== undefined &&
        (reported.count !== Number(held.count) || reported.total !== Number(held.total)),
    }
  },
})
