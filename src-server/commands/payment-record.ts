import { sql } from 'drizzle-orm'
import { formatRub } from '../../src-shared/money/format'
import { syncMessages } from '../../src-shared/sync/messages'
import { queryRow } from '../db/query'
import { settingOnQuery, settingValue } from '../settings/settings'
import { accountOfBranch, officeOfBranch, shiftOfWorkstation } from './lookups'
import { reject, serverCommand } from './server-command'

interface PaymentFacts {
  account: boolean
  taken: boolean
  office: boolean
  shift: boolean
  suppliers: number
  max: string | null
}

/**
 * payment.record v1: a counter payment as the cashier's receipt shows it, taken once: for an
 * account and office of the workstation's branch, in a shift of this workstation, to known
 * suppliers, within the payment limit in force that day (the same setting the desk checks).
 */
export const paymentRecord = serverCommand({
  name: 'payment.record',
  async apply(tx, write, args, ctx) {
    const suppliers = [...new Set(args.lines.map((l) => l.supplierId))]
    // Every check in one round trip.
    const found = (await queryRow<PaymentFacts>(
      tx,
      sql`SELECT EXISTS (${accountOfBranch(args.accountId, ctx.branchId)}) AS account,
                 EXISTS (SELECT 1 FROM payments WHERE receipt_number = ${args.receiptNumber}) AS taken,
                 EXISTS (${officeOfBranch(args.officeId ?? '', ctx.branchId)}) AS office,
                 EXISTS (${shiftOfWorkstation(args.shiftId, ctx.workstationId)}) AS shift,
                 (SELECT count(*) FROM suppliers WHERE deleted_at IS NULL AND id IN (${sql.join(
                   suppliers.map((id) => sql`${id}`),
                   sql`, `,
                 )})) AS suppliers,
                 ${settingOnQuery('paymentMaxAmount', args.paidAt.slice(0, 10))} AS max`,
    ))!
    if (!found.account) reject(syncMessages.accountNotFound)
    if (args.officeId !== null && !found.office) reject(syncMessages.officeNotFound)
    if (!found.shift) reject(syncMessages.shiftNotOfWorkstation)
    if (Number(found.suppliers) !== suppliers.length) reject(syncMessages.supplierNotFound)
    const total = args.lines.reduce((sum, l) => sum + l.amount, 0)
    const max = settingValue('paymentMaxAmount', found.max)
    if (total > max) reject(syncMessages.paymentOverLimit(formatRub(total), formatRub(max)))
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
