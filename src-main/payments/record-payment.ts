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
import { readSetting } from '../settings/settings'
import { openShiftOf } from '../shifts/shifts'
import { debtLines } from './proposal'
import { newId } from '../commands/new-id'

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
  const device = prepared(
    tx.$client,
    `UPDATE device_state SET last_receipt_number = last_receipt_number + 1 WHERE id = 1
     RETURNING receipt_prefix AS prefix, last_receipt_number AS n`,
  ).get() as { prefix: string; n: number }
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
    // The account must exist; its name and address are the screen's, not the save's.
    if (!prepared(tx.$client, 'SELECT 1 FROM accounts WHERE id = ?').get(args.accountId))
      throw new ApiFailure('not_found', 'Лицевой счет не найден.')
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

    const paymentId = newId()
    const number = nextReceiptNumber(tx)
    const office = (
      prepared(tx.$client, 'SELECT office_id AS officeId FROM shifts WHERE id = ?').get(
        shift.id,
      ) as {
        officeId: string | null
      }
    ).officeId
    // Prepared statements, not the query builder: building and preparing them per call cost more
    // than the inserts.
    prepared(
      tx.$client,
      `INSERT INTO payments (id, account_id, paid_at, amount, method, channel, receipt_number,
                             office_id, operator_id, workstation_id, shift_id, payer, cash_given,
                             card_reference, created_at)
       VALUES (?, ?, ?, ?, ?, 'office', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      paymentId,
      args.accountId,
      ctx.at,
      total,
      args.method,
      number,
      office,
      ctx.operatorId,
      ctx.workstationId,
      shift.id,
      args.payer || null,
      args.method === 'cash' ? args.cashGiven! : null,
      args.method === 'card' ? args.cardReference! : null,
      ctx.at,
    )
    const paid = allocation.allocation.lines
      .filter((l) => l.amount > 0)
      .map((l) => ({
        id: newId(),
        supplierId: l.supplierId,
        service: l.service,
        amount: l.amount,
      }))
    const insertLine = prepared(
      tx.$client,
      `INSERT INTO payment_lines (id, payment_id, supplier_id, service, amount)
       VALUES (?, ?, ?, ?, ?)`,
    )
    for (const line of paid)
      insertLine.run(line.id, paymentId, line.supplierId, line.service, line.amount)
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
