import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { syncMessages } from '../../src-shared/sync/messages'
import { queryRow } from '../db/query'
import { reject, serverCommand } from './server-command'

/** payment.cancel v1: a cancellation fact for a payment of the branch; the payment stays. */
export const paymentCancel = serverCommand({
  name: 'payment.cancel',
  argsVersion: 1,
  args: z.object({
    paymentId: z.string().min(1),
    reason: z.string().trim().min(1).max(500),
    supervisorId: z.string().min(1),
    cancellationId: z.string().min(1),
    receiptNumber: z.string().min(1),
    cancelledAt: z.string().min(1),
    shiftId: z.string().min(1),
  }),
  async apply(tx, write, args, ctx) {
    const payment = await queryRow<{ cancelled: boolean }>(
      tx,
      sql`SELECT EXISTS (SELECT 1 FROM payment_cancellations x WHERE x.payment_id = p.id) AS cancelled
            FROM payments p WHERE p.id = ${args.paymentId} AND p.branch_id = ${ctx.branchId}`,
    )
    if (!payment) reject(syncMessages.paymentNotFound)
    if (payment.cancelled) reject(syncMessages.paymentAlreadyCancelled)
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
