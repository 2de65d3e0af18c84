import { officeDate } from '../../src-shared/dates'
import {
  buildCancellationReceipt,
  buildPaymentReceipt,
  type ReceiptCompany,
  type ReceiptModel,
} from '../../src-shared/documents/receipt'
import type { Service } from '../../src-shared/accounts/domain'
import type { PaymentMethod } from '../../src-shared/payments/domain'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { readSetting } from '../settings/settings'
import { payableAccount } from './proposal'

interface PaymentRow {
  id: string
  accountId: string
  paidAt: string
  method: PaymentMethod
  receiptNumber: string | null
  payer: string | null
  cashGiven: number | null
  cardReference: string | null
  cashier: string | null
  officeAddress: string | null
  cancelledAt: string | null
  cancelReason: string | null
  cancelReceipt: string | null
  supervisor: string | null
}

/** The company on receipts: the setting, else the payment's electricity supplier (the retailer). */
function companyOf(db: Db, paymentId: string, date: string): ReceiptCompany {
  const configured = readSetting(db, 'receiptCompany', date)
  if (configured) return configured
  return db.$client
    .prepare(
      `SELECT s.name, s.inn FROM payment_lines l JOIN suppliers s ON s.id = l.supplier_id
        WHERE l.payment_id = ? ORDER BY l.service = 'electricity' DESC LIMIT 1`,
    )
    .get(paymentId) as ReceiptCompany
}

/** The payment (or its cancellation) as a receipt model, every figure computed. */
export function receiptModel(
  db: Db,
  paymentId: string,
  document: 'payment' | 'cancellation',
  timeZone: string,
): ReceiptModel {
  const p = db.$client
    .prepare(
      `SELECT p.id, p.account_id AS accountId, p.paid_at AS paidAt, p.method,
              p.receipt_number AS receiptNumber, p.payer, p.cash_given AS cashGiven,
              p.card_reference AS cardReference, o.full_name AS cashier, f.address AS officeAddress,
              x.cancelled_at AS cancelledAt, x.reason AS cancelReason,
              x.receipt_number AS cancelReceipt, s.full_name AS supervisor
         FROM payments p
         LEFT JOIN operators o ON o.id = p.operator_id
         LEFT JOIN offices f ON f.id = p.office_id
         LEFT JOIN payment_cancellations x ON x.payment_id = p.id
         LEFT JOIN operators s ON s.id = x.operator_id
        WHERE p.id = ?`,
    )
    .get(paymentId) as PaymentRow | undefined
  if (!p || !p.receiptNumber) throw new ApiFailure('not_found', 'Платеж с квитанцией не найден.')
  if (document === 'cancellation' && !p.cancelledAt)
    throw new ApiFailure('not_found', 'Платеж не отменен: квитанции об отмене нет.')
  const account = payableAccount(db, p.accountId)
  const lines = db.$client
    .prepare(
      `SELECT l.service, s.short_name AS supplierName, l.amount
         FROM payment_lines l JOIN suppliers s ON s.id = l.supplier_id WHERE l.payment_id = ?`,
    )
    .all(p.id) as { service: Service; supplierName: string; amount: number }[]
  const base = {
    company: companyOf(db, p.id, officeDate(new Date(p.paidAt), timeZone)),
    officeAddress: p.officeAddress ?? '—',
    timeZone,
    accountNumber: account.accountNumber,
    payer: p.payer ?? account.holderName,
    address: account.address,
    lines,
    method: p.method,
  }
  if (document === 'payment') {
    return buildPaymentReceipt({
      ...base,
      receiptNumber: p.receiptNumber,
      paidAt: p.paidAt,
      cashier: p.cashier ?? '—',
      cashGiven: p.cashGiven,
      // Every print here is a copy; a payment pulled from the server has no cash given.
      copy: true,
      cardReference: p.cardReference,
    })
  }
  return buildCancellationReceipt({
    ...base,
    receiptNumber: p.cancelReceipt ?? p.receiptNumber,
    cancelledAt: p.cancelledAt!,
    originalReceiptNumber: p.receiptNumber,
    originalPaidAt: p.paidAt,
    supervisor: p.supervisor ?? '—',
    reason: p.cancelReason!,
  })
}
