import { eq, sql } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import { officeDate } from '../../src-shared/dates'
import { formatRub } from '../../src-shared/money/format'
import { allocateLines } from '../../src-shared/payments/allocate'
import { cashChange } from '../../src-shared/payments/change'
import type { RecordedPayment, RecordPaymentArgs } from '../../src-shared/payments/contract'
import { receiptNumber } from '../../src-shared/payments/receipt-number'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { deviceState, paymentLines, payments } from '../db/schema'
import { readSetting } from '../settings/settings'
import { openShiftOf } from '../shifts/shifts'
import { debtLines, payableAccount } from './proposal'

export interface RecordPaymentCommandArgs extends RecordPaymentArgs {
  timeZone: string
}

function refuse(field: string, message: string): never {
  throw ApiFailure.field(field, message)
}

/** The workstation's open shift that may still take money, or a refusal saying why not. */
export function shiftForMoney(tx: Db, workstationId: string | null, now: Date) {
  const shift = openShiftOf(tx, workstationId, now)
  if (!shift) refuse('shift', 'Смена не открыта: откройте смену, чтобы принимать платежи.')
  if (shift.age === 'expired') refuse('shift', shift.ageMessage!)
  return shift
}

/** The next receipt number of this workstation, in the caller's transaction: never reused. */
export function nextReceiptNumber(tx: Db): string {
  const device = tx
    .update(deviceState)
    .set({ lastReceiptNumber: sql`${deviceState.lastReceiptNumber} + 1` })
    .where(eq(deviceState.id, 1))
    .returning({ prefix: deviceState.receiptPrefix, n: deviceState.lastReceiptNumber })
    .get()!
  return receiptNumber(device.prefix, device.n)
}

/**
 * payment.record: money taken at the desk for an account's lines, in the open shift, with the
 * next receipt number. Everything is checked again here, whatever the screen checked.
 */
export const recordPayment: CommandDef<
  RecordPaymentCommandArgs,
  RecordedPayment,
  'payment.record'
> = {
  name: 'payment.record',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const shift = shiftForMoney(tx, ctx.workstationId, ctx.now)
    payableAccount(tx, args.accountId)
    const { lines: debts } = debtLines(tx, args.accountId)
    const amounts = debts.map(() => 0)
    args.lines.forEach((line, i) => {
      const at = debts.findIndex(
        (d) => d.supplierId === line.supplierId && d.service === line.service,
      )
      if (at < 0) refuse(`lines.${i}`, 'Услуга не подключена к этому лицевому счету.')
      amounts[at]! += line.amount
    })
    const allocation = allocateLines(debts, amounts)
    if (!allocation.ok) {
      const first = allocation.errors[0]!
      refuse(first.line === null ? 'lines' : `lines.${first.line}.amount`, first.message)
    }
    const total = allocation.allocation.total
    const max = readSetting(tx, 'paymentMaxAmount', officeDate(ctx.now, args.timeZone))
    if (total > max)
      refuse('lines', `Сумма платежа ${formatRub(total)} больше допустимой ${formatRub(max)}.`)
    let change: number | null = null
    if (args.method === 'cash') {
      const given = cashChange(total, args.cashGiven!)
      if (!given.ok) refuse('cashGiven', `Получено наличными: ${given.message}.`)
      change = given.change
    }

    const paymentId = uuidv7()
    const number = nextReceiptNumber(tx)
    const office = (
      prepared(tx.$client, 'SELECT office_id AS officeId FROM shifts WHERE id = ?').get(
        shift.id,
      ) as {
        officeId: string | null
      }
    ).officeId
    tx.insert(payments)
      .values({
        id: paymentId,
        accountId: args.accountId,
        paidAt: ctx.at,
        amount: total,
        method: args.method,
        channel: 'office',
        receiptNumber: number,
        officeId: office,
        operatorId: ctx.operatorId,
        workstationId: ctx.workstationId,
        shiftId: shift.id,
        payer: args.payer || null,
        cashGiven: args.method === 'cash' ? args.cashGiven! : null,
        cardReference: args.method === 'card' ? args.cardReference! : null,
        createdAt: ctx.at,
      })
      .run()
    const paid = allocation.allocation.lines
      .filter((l) => l.amount > 0)
      .map((l) => ({
        id: uuidv7(),
        supplierId: l.supplierId,
        service: l.service,
        amount: l.amount,
      }))
    for (const line of paid)
      tx.insert(paymentLines)
        .values({ ...line, paymentId })
        .run()
    return {
      result: {
        paymentId,
        receiptNumber: number,
        total,
        change,
        lines: allocation.allocation.lines,
      },
      audit: [
        {
          action: 'payment.record',
          entity: 'payment',
          entityId: paymentId,
          accountId: args.accountId,
          details: { receiptNumber: number, total, method: args.method, change },
        },
      ],
      recorded: {
        ...args,
        paymentId,
        receiptNumber: number,
        paidAt: ctx.at,
        shiftId: shift.id,
        officeId: office,
        lines: paid,
      },
    }
  },
}
