import { sql } from 'drizzle-orm'
import { syncMessages } from '../../src-shared/sync/messages'
import { queryRow } from '../db/query'
import { paymentRecord } from './payment-record'
import { answerChecks, reject, serverCommand } from './server-command'

/**
 * payment.reassign v1: a payment this server rejected, moved by a supervisor to another account
 * of the branch. Taken only while the server holds that rejection, so a payment it did take can
 * never come twice this way; then checked and stored as any counter payment.
 */
export const paymentReassign = serverCommand({
  name: 'payment.reassign',
  async apply(tx, write, args, ctx) {
    const rejected = await queryRow(
      tx,
      sql`SELECT 1 FROM applied_commands
           WHERE command_id = ${args.rejectedCommandId} AND branch_id = ${ctx.branchId}
             AND name = 'payment.record' AND status = 'rejected'`,
    )
    if (!rejected) reject(syncMessages.rejectedPaymentNotFound)
    return paymentRecord.apply(
      tx,
      write,
      args,
      ctx,
      await answerChecks(tx, paymentRecord, args, ctx),
    )
  },
})
