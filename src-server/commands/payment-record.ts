import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { services } from '../../src-shared/accounts/domain'
import { recordPaymentSchema } from '../../src-shared/payments/contract'
import { syncMessages } from '../../src-shared/sync/messages'
import { accountOfBranch, exist } from './lookups'
import { recordedArgs, reject, serverCommand } from './server-command'

/** What the workstation fixed when it took the payment. */
export const paymentFacts = z.object({
  paymentId: z.string().min(1),
  receiptNumber: z.string().min(1),
  paidAt: z.string().min(1),
  shiftId: z.string().min(1),
  officeId: z.string().nullable().default(null),
  lines: z
    .array(
      z.object({
        id: z.string().min(1),
        supplierId: z.string().min(1),
        service: z.enum(services),
        amount: z.number().int().positive(),
      }),
    )
    .min(1),
})

/** payment.record v1: a counter payment as the cashier's receipt shows it, taken once. */
export const paymentRecord = serverCommand({
  name: 'payment.record',
  argsVersion: 1,
  args: recordedArgs(recordPaymentSchema, paymentFacts),
  async apply(tx, write, args, ctx) {
    const found = await exist(tx, {
      account: accountOfBranch(args.accountId, ctx.branchId),
      taken: sql`SELECT 1 FROM payments WHERE receipt_number = ${args.receiptNumber}`,
    })
    if (!found.account) reject(syncMessages.accountNotFound)
    const total = args.lines.reduce((sum, l) => sum + l.amount, 0)
    if (args.method === 'cash' && (args.cashGiven ?? 0) < total)
      reject(syncMessages.paymentLinesMismatch)
    if (found.taken) reject(syncMessages.receiptNumberTaken(args.receiptNumber))
    await write.insert('payments', [
      {
        id: args.paymentId,
        accountId: args.accountId,
        paidAt: args.paidAt,
        amount: total,
        method: args.method,
        channel: 'office',
        receiptNumber: args.receiptNumber,
        officeId: args.officeId,
        operatorId: ctx.operatorId,
        workstationId: ctx.workstationId,
        shiftId: args.shiftId,
        payer: args.payer || null,
        cashGiven: args.method === 'cash' ? args.cashGiven! : null,
        cardReference: args.method === 'card' ? args.cardReference! : null,
        createdAt: args.paidAt,
      },
    ])
    await write.insert(
      'payment_lines',
      args.lines.map((l) => ({ ...l, paymentId: args.paymentId })),
    )
    return { paymentId: args.paymentId, receiptNumber: args.receiptNumber, total }
  },
})
