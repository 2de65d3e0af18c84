import { eq } from 'drizzle-orm'
import { serviceNames } from '../../src-shared/documents/labels'
import { servicesMissingOn, type PaidService } from '../../src-shared/payments/reassign'
import { ApiFailure } from '../api/failure'
import { executeCommand, type CommandActor, type CommandDef } from '../commands/command'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { payments } from '../db/schema'
import type { RecordPaymentCommandArgs } from './record-payment'

/** A payment.record command's arguments as its outbox entry holds them. */
export interface RecordedPaymentArgs extends RecordPaymentCommandArgs {
  paymentId: string
  receiptNumber: string
  paidAt: string
  shiftId: string
  officeId: string | null
  lines: (PaidService & { id: string; amount: number })[]
}

export interface ReassignPaymentArgs {
  /** The payment.record the server rejected. */
  rejectedCommandId: string
  payment: RecordedPaymentArgs
  /** The account the money goes to. */
  accountId: string
}

function refuse(message: string, field = 'accountNumber'): never {
  throw ApiFailure.field(field, message)
}

/**
 * payment.reassign: a payment the server rejected (its account unknown there, e.g. a number
 * registered twice in two offices) moves, with its receipt number and time, to the account the
 * money was meant for. Only the replica's unsynced payment row changes: the server never took
 * it. The server takes the payment again only if it holds the rejection.
 */
export const reassignPayment: CommandDef<
  ReassignPaymentArgs,
  { accountNumber: string },
  'payment.reassign'
> = {
  name: 'payment.reassign',
  argsVersion: 1,
  apply(tx, { rejectedCommandId, payment, accountId }) {
    const sqlite = tx.$client
    if (
      prepared(sqlite, 'SELECT 1 FROM payment_cancellations WHERE payment_id = ?').get(
        payment.paymentId,
      )
    )
      throw new ApiFailure('conflict', 'Платеж отменен: переносить нечего.')
    if (accountId === payment.accountId)
      refuse('Перенести на счет: это тот же счет, который сервер не принял.')
    const number = prepared(sqlite, 'SELECT number FROM accounts WHERE id = ?')
      .pluck()
      .get(accountId) as string | undefined
    if (!number) throw new ApiFailure('not_found', 'Лицевой счет не найден.')
    const offered = prepared(
      sqlite,
      'SELECT supplier_id AS supplierId, service FROM account_services WHERE account_id = ?',
    ).all(accountId) as PaidService[]
    const missing = servicesMissingOn(payment.lines, offered)
    if (missing.length > 0) {
      const supplierName = prepared(sqlite, 'SELECT short_name FROM suppliers WHERE id = ?').pluck()
      const named = missing
        .map(
          (m) => `«${serviceNames[m.service]}» (${supplierName.get(m.supplierId) ?? m.supplierId})`,
        )
        .join(', ')
      refuse(
        `Перенести на счет: на счете ${number} нет услуги ${named}. Платеж переносится только на счет с теми же услугами.`,
      )
    }
    tx.update(payments).set({ accountId }).where(eq(payments.id, payment.paymentId)).run()
    const total = payment.lines.reduce((sum, l) => sum + l.amount, 0)
    const details = {
      receiptNumber: payment.receiptNumber,
      total,
      fromAccountId: payment.accountId,
      toAccountId: accountId,
      rejectedCommandId,
    }
    return {
      result: { accountNumber: number },
      // On both accounts' histories: where the money went, and where it came from.
      audit: [payment.accountId, accountId].map((onAccount) => ({
        action: 'payment.reassign',
        entity: 'payment',
        entityId: payment.paymentId,
        accountId: onAccount,
        details,
      })),
      recorded: { ...payment, accountId, rejectedCommandId },
    }
  },
}

/**
 * Moves the payment of a rejected payment.record to the account with this number, in the
 * caller's transaction; answers the number as stored.
 */
export function moveRejectedPayment(
  db: Db,
  actor: CommandActor,
  command: { id: string; name: string; args: string },
  accountNumber: string | undefined,
): string {
  if (command.name !== 'payment.record')
    refuse('Решение: перенести на другой счет можно только платеж.', 'kind')
  if (!accountNumber) refuse('Перенести на счет: укажите номер лицевого счета.')
  const accountId = prepared(db.$client, 'SELECT id FROM accounts WHERE number = ?')
    .pluck()
    .get(accountNumber) as string | undefined
  if (!accountId) refuse(`Перенести на счет: лицевой счет ${accountNumber} не найден.`)
  const payment = JSON.parse(command.args) as RecordedPaymentArgs
  return executeCommand(
    db,
    reassignPayment,
    { rejectedCommandId: command.id, payment, accountId },
    actor,
  ).accountNumber
}
