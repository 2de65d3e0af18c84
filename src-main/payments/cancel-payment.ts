import { uuidv7 } from 'uuidv7'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { paymentCancellations } from '../db/schema'
import type { Supervisor } from '../operators/supervisor'
import { nextReceiptNumber, shiftForMoney } from './record-payment'

export interface CancelPaymentArgs {
  paymentId: string
  reason: string
  /** Checked by the handler: the supervisor logged in, or one who confirmed with a password. */
  supervisor: Supervisor
}

/**
 * payment.cancel: a new fact referring to the payment, made by a supervisor, with its own
 * receipt number; the payment row is never changed.
 */
export const cancelPayment: CommandDef<
  CancelPaymentArgs,
  { receiptNumber: string },
  'payment.cancel'
> = {
  name: 'payment.cancel',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const payment = tx.$client
      .prepare(
        `SELECT p.id, p.account_id AS accountId, p.amount, p.receipt_number AS receiptNumber,
                x.cancelled_at AS cancelledAt
           FROM payments p LEFT JOIN payment_cancellations x ON x.payment_id = p.id WHERE p.id = ?`,
      )
      .get(args.paymentId) as
      | {
          id: string
          accountId: string
          amount: number
          receiptNumber: string | null
          cancelledAt: string | null
        }
      | undefined
    if (!payment) throw new ApiFailure('not_found', 'Платеж не найден.')
    if (payment.cancelledAt)
      throw new ApiFailure('conflict', 'Платеж уже отменен: повторная отмена невозможна.')
    const shift = shiftForMoney(tx, ctx.workstationId, ctx.now)
    const number = nextReceiptNumber(tx)
    const id = uuidv7()
    tx.insert(paymentCancellations)
      .values({
        id,
        paymentId: payment.id,
        reason: args.reason,
        operatorId: args.supervisor.id,
        cashierId: ctx.operatorId === args.supervisor.id ? null : ctx.operatorId,
        cancelledAt: ctx.at,
        shiftId: shift.id,
        receiptNumber: number,
      })
      .run()
    return {
      result: { receiptNumber: number },
      audit: [
        {
          action: 'payment.cancel',
          entity: 'payment',
          entityId: payment.id,
          accountId: payment.accountId,
          details: {
            receiptNumber: payment.receiptNumber,
            cancellationReceipt: number,
            amount: payment.amount,
            reason: args.reason,
            supervisor: args.supervisor.fullName,
          },
        },
      ],
      recorded: {
        paymentId: payment.id,
        reason: args.reason,
        supervisorId: args.supervisor.id,
        cancellationId: id,
        receiptNumber: number,
        cancelledAt: ctx.at,
        shiftId: shift.id,
      },
    }
  },
}
