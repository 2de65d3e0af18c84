import type { Service } from '../../src-shared/accounts/domain'
import { calcDateOf } from '../../src-shared/billing/penalties'
import { officeDate } from '../../src-shared/dates'
import { tariffRub } from '../../src-shared/documents/bill'
import { channelNames } from '../../src-shared/documents/labels'
import type { LedgerEntry } from '../../src-shared/documents/ledger'
import type { PaymentChannel } from '../../src-shared/payments/domain'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

interface Row {
  kind: LedgerEntry['kind']
  supplierId: string
  supplierName: string
  service: Service
  amount: number
  /** Charges: the period; opening balances: their date; payments: the instant. */
  at: string
  volume: string | null
  unit: string | null
  rate: number | null
  channel: PaymentChannel | null
  receiptNumber: string | null
}

/**
 * Every fact of the account's ledger the replica holds, as the documents read it: opening
 * balances, charges, recalculations and penalties (dated the last day of their period), payments
 * per supplier's service on the office's calendar day, and cancellations on theirs.
 */
export function accountLedger(db: Db, accountId: string, timeZone: string): LedgerEntry[] {
  const rows = prepared(
    db.$client,
    `SELECT 'opening' AS kind, o.supplier_id AS supplierId, s.name AS supplierName, o.service,
            o.amount, o.date AS at, NULL AS volume, NULL AS unit, NULL AS rate, NULL AS channel,
            NULL AS receiptNumber
       FROM opening_balances o JOIN suppliers s ON s.id = o.supplier_id WHERE o.account_id = @id
     UNION ALL
     SELECT c.kind, c.supplier_id, s.name, c.service, c.amount, c.period, c.volume, v.unit,
            c.rate_millikopecks, NULL, NULL
       FROM charges c JOIN suppliers s ON s.id = c.supplier_id
       LEFT JOIN services v ON v.code = c.service WHERE c.account_id = @id
     UNION ALL
     SELECT 'payment', l.supplier_id, s.name, l.service, l.amount, p.paid_at, NULL, NULL, NULL,
            p.channel, p.receipt_number
       FROM payments p JOIN payment_lines l ON l.payment_id = p.id
       JOIN suppliers s ON s.id = l.supplier_id WHERE p.account_id = @id
     UNION ALL
     SELECT 'cancellation', l.supplier_id, s.name, l.service, l.amount, x.cancelled_at, NULL,
            NULL, NULL, p.channel, p.receipt_number
       FROM payment_cancellations x JOIN payments p ON p.id = x.payment_id
       JOIN payment_lines l ON l.payment_id = p.id
       JOIN suppliers s ON s.id = l.supplier_id WHERE p.account_id = @id`,
  ).all({ id: accountId }) as Row[]
  return rows.map((r): LedgerEntry => {
    const isCharge = r.kind === 'charge' || r.kind === 'recalculation' || r.kind === 'penalty'
    const date =
      r.kind === 'opening'
        ? r.at
        : isCharge
          ? calcDateOf(r.at)
          : officeDate(new Date(r.at), timeZone)
    return {
      date,
      kind: r.kind,
      supplierId: r.supplierId,
      supplierName: r.supplierName,
      service: r.service,
      amount: r.amount,
      period: isCharge ? r.at : null,
      volume: r.volume,
      unit: r.unit,
      rateText: r.rate === null ? null : `${tariffRub(r.rate)} ₽/${r.unit ?? 'ед.'}`,
      channel: r.channel ? channelNames[r.channel] : null,
      receiptNumber: r.receiptNumber,
    }
  })
}
