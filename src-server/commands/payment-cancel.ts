import { sql } from 'drizzle-orm'
import { syncMessages } from '../../src-shared/sync/messages'
import { queryRow } from '../db/query'
import { shiftOfWorkstation } from './lookups'
import { reject, serverCommand } from './server-command'

/** payment.cancel v1: a cancellation fact for a payment of the branch; the payment stays. */
export const paymentCancel = serverCommand({
  name: 'payment.cancel',
  async apply(tx, write, args, ctx) {
    // The supervisor was checked with the operator; the refund leaves this workstation's drawer.
    const payment = await queryRow<{ cancelled: boolean; shift: boolean }>(
      tx,
      sql`SELECT EXISTS (SELECT 1 FROM payment_cancellations x WHERE x.payment_id = p.id) AS cancelled,
                 EXISTS (${shiftOfWorkstation(args.shiftId, ctx.workstationId)}) AS shift
            FROM payments p WHERE p.id = ${args.paymentId} AND p.branch_id = ${ctx.branchId}`,
    )
    if (!payment) reject(syncMessages.paymentNotFound)
    if (payment.cancelled) reject(syncMessages.paymentAlreadyCancelled)
    if (!payment.shift) reject(syncMessages.shiftNotOfWorkstation)
    await write.insert('payment_cancellations', [
      {
        id: args.cancellationId,
        paymentId: args.paymentId,
        reason: args.reason,
        operatorId: args.supervisorId,
        cashierId: ctx.operatorId === args.supervisorId ? null : ctx.operatorId,
        cancelledAt: args.cancelledAt,
        shiftId: args.shiftId,
        receiptNumber: args.receiptNumber,
      },
    ])
    return { receiptNumber: args.receiptNumber }
  },
})
