import type { SetAsideRow } from '../../src-shared/sync/contract'
import { setAsideKind, setAsideReason } from '../../src-shared/sync/set-aside'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

interface Row {
  id: string
  table: string
  rowId: string
  row: string
  constraintName: string
  setAsideAt: string
  commandId: string | null
  rejectReason: string | null
  accountNumber: string | null
  paymentAmount: number | null
}

/**
 * The local facts set aside for the server's rows, newest first, for the Sync screen: each with
 * its command's rejection when the server answered it, else what the server's row holds.
 */
export function listSetAside(db: Db, limit = 500): SetAsideRow[] {
  const rows = prepared(
    db.$client,
    `SELECT a.id, a.table_name AS "table", a.row_id AS rowId, a.row, a.constraint_name AS constraintName,
            a.set_aside_at AS setAsideAt, a.command_id AS commandId, o.reject_reason AS rejectReason,
            acc.number AS accountNumber, p.amount AS paymentAmount
       FROM set_aside_rows a
       LEFT JOIN outbox o ON o.id = a.command_id
       LEFT JOIN payments p ON p.id = json_extract(a.row, '$.payment_id')
       LEFT JOIN readings r ON r.id = json_extract(a.row, '$.reading_id')
       LEFT JOIN accounts acc ON acc.id = coalesce(json_extract(a.row, '$.account_id'),
                                                   p.account_id, r.account_id)
      ORDER BY a.set_aside_at DESC, a.id DESC LIMIT ?`,
  ).all(limit) as Row[]
  return rows.map((r) => {
    const row = JSON.parse(r.row) as { receipt_number?: string | null; amount?: number }
    return {
      id: r.id,
      kind: setAsideKind(r.table),
      table: r.table,
      rowId: r.rowId,
      receiptNumber: row.receipt_number ?? null,
      amount: row.amount ?? r.paymentAmount,
      accountNumber: r.accountNumber,
      setAsideAt: r.setAsideAt,
      reason: r.rejectReason ?? setAsideReason(r.constraintName),
      commandId: r.commandId,
    }
  })
}
