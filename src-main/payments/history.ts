import type { PaymentHistoryLine } from '../../src-shared/payments/contract'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { readSyncState } from '../sync/sync-state'

type Row = Omit<PaymentHistoryLine, 'lines' | 'cancellation' | 'cancelsOnlyOnline'> & {
  elsewhere: number
  cancelledAt: string | null
  cancelReason: string | null
  supervisorName: string | null
  cancelReceipt: string | null
}

/** An account's payments in a date range (office calendar), newest first, cancelled ones marked. */
export function paymentHistory(
  db: Db,
  filter: { accountId: string; from: string; to: string },
): PaymentHistoryLine[] {
  const rows = prepared(
    db.$client,
    `SELECT p.id, p.paid_at AS paidAt, p.amount, p.method, p.channel, f.name AS officeName,
            o.full_name AS cashierName, p.receipt_number AS receiptNumber, p.payer,
            x.cancelled_at AS cancelledAt, x.reason AS cancelReason, s.full_name AS supervisorName,
            x.receipt_number AS cancelReceipt,
            p.workstation_id IS NOT (SELECT workstation_id FROM device_state WHERE id = 1) AS elsewhere
       FROM payments p
       LEFT JOIN offices f ON f.id = p.office_id
       LEFT JOIN operators o ON o.id = p.operator_id
       LEFT JOIN payment_cancellations x ON x.payment_id = p.id
       LEFT JOIN operators s ON s.id = x.operator_id
      WHERE p.account_id = @accountId AND substr(p.paid_at, 1, 10) BETWEEN @from AND @to
      ORDER BY p.paid_at DESC`,
  ).all(filter) as Row[]
  const lines = prepared(
    db.$client,
    `SELECT s.short_name AS supplierName, l.service, l.amount
       FROM payment_lines l JOIN suppliers s ON s.id = l.supplier_id WHERE l.payment_id = ?`,
  )
  // See cancel-online: with a server, a payment taken elsewhere is cancelled only online.
  const synced = readSyncState(db) !== undefined
  return rows.map(
    ({ cancelledAt, cancelReason, supervisorName, cancelReceipt, elsewhere, ...p }) => ({
      ...p,
      cancelsOnlyOnline: synced && elsewhere === 1,
      lines: lines.all(p.id) as PaymentHistoryLine['lines'],
      cancellation: cancelledAt
        ? { at: cancelledAt, reason: cancelReason!, supervisorName, receiptNumber: cancelReceipt }
        : null,
    }),
  )
}
