import type {
  PaymentTotals,
  RejectedCancellation,
  ShiftDifference,
  ShiftReview,
} from '../../src-shared/sync/contract'
import { ApiFailure } from '../api/failure'
import { writeAudit, type AuditActor } from '../audit/audit-log'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/**
 * Closed shifts whose Z report the server found different from the payments and cancellations it
 * holds (count and sum of each): the
 * server compares them when the report arrives and answers `totalsDiffer` with what it held,
 * kept as the shift.close outbox entry's result. A supervisor's look into one is an audit entry
 * on the shift; the outbox entry itself never changes and is never forgotten (see sync-run).
 */
export const REVIEW_SHIFT = 'sync.reviewShift'

/** SQL condition on `o` (outbox): a shift.close the server answered with a difference. */
export const differingShiftClose = `o.name = 'shift.close' AND o.status IN ('sent', 'done')
  AND json_extract(o.result, '$.totalsDiffer') IS 1`

const notReviewed = `NOT EXISTS (
  SELECT 1 FROM audit_log r
   WHERE r.entity = 'shift' AND r.entity_id = json_extract(o.args, '$.shiftId')
     AND r.action = '${REVIEW_SHIFT}')`

interface Row {
  commandId: string
  args: string
  result: string
  openedAt: string | null
  cashierName: string | null
}

const listSql = `
  SELECT o.id AS commandId, o.args, o.result, s.opened_at AS openedAt,
         coalesce(opener.full_name, closer.full_name) AS cashierName
    FROM outbox o
    LEFT JOIN shifts s ON s.id = json_extract(o.args, '$.shiftId')
    LEFT JOIN operators opener ON opener.id = s.opened_by
    LEFT JOIN operators closer ON closer.id = o.operator_id
   WHERE ${differingShiftClose}`

// PostgreSQL's count and sum may arrive as strings.
const numbers = (t: PaymentTotals): PaymentTotals => ({
  count: Number(t.count),
  total: Number(t.total),
})

/**
 * The shift's cancellations the server rejected, named: the refunds that left the drawer while
 * the server holds another cancellation of the payment (or none).
 */
function rejectedCancellations(db: Db, shiftId: string): RejectedCancellation[] {
  const rows = prepared(
    db.$client,
    `SELECT o.id AS commandId, json_extract(o.args, '$.receiptNumber') AS receiptNumber,
            o.reject_reason AS reason, p.receipt_number AS paymentReceipt,
            coalesce(p.amount, json_extract(a.row, '$.amount')) AS amount
       FROM outbox o
       LEFT JOIN payments p ON p.id = json_extract(o.args, '$.paymentId')
       LEFT JOIN set_aside_rows a ON a.table_name = 'payments'
                                  AND a.row_id = json_extract(o.args, '$.paymentId')
      WHERE o.name = 'payment.cancel' AND o.status = 'rejected'
        AND json_extract(o.args, '$.shiftId') = ?
      ORDER BY o.sequence`,
  ).all(shiftId) as RejectedCancellation[]
  return rows
}

function toDifference(db: Db, r: Row): ShiftDifference {
  const args = JSON.parse(r.args) as {
    shiftId: string
    closedAt: string
    totals: { payments: PaymentTotals; cancellations?: PaymentTotals }
  }
  const result = JSON.parse(r.result) as {
    held: PaymentTotals
    heldCancellations?: PaymentTotals
  }
  return {
    commandId: r.commandId,
    shiftId: args.shiftId,
    openedAt: r.openedAt,
    closedAt: args.closedAt,
    cashierName: r.cashierName,
    reported: args.totals.payments,
    held: numbers(result.held),
    reportedCancellations: args.totals.cancellations ?? { count: 0, total: 0 },
    heldCancellations: result.heldCancellations ? numbers(result.heldCancellations) : null,
    rejectedCancellations: rejectedCancellations(db, args.shiftId),
  }
}

/** The differences nobody has looked into yet, newest first. */
export function listShiftDifferences(db: Db, limit = 500): ShiftDifference[] {
  const rows = prepared(
    db.$client,
    `${listSql} AND ${notReviewed} ORDER BY o.sequence DESC LIMIT ?`,
  ).all(limit) as Row[]
  return rows.map((r) => toDifference(db, r))
}

/** How many differences wait for a supervisor (the shell's sync badge). */
export function countShiftDifferences(db: Db): number {
  return prepared(
    db.$client,
    `SELECT count(*) FROM outbox o WHERE ${differingShiftClose} AND ${notReviewed}`,
  )
    .pluck()
    .get() as number
}

/**
 * A supervisor's record that a shift's difference was looked into, with what was found: the
 * difference leaves the list, the outbox entry and this record stay. Once per shift.
 */
export function reviewShiftDifference(
  db: Db,
  actor: AuditActor,
  input: { shiftId: string; note: string },
): ShiftReview {
  return db.$client.transaction(() => {
    const row = prepared(
      db.$client,
      `${listSql} AND json_extract(o.args, '$.shiftId') = ? LIMIT 1`,
    ).get(input.shiftId) as Row | undefined
    if (!row) throw new ApiFailure('not_found', 'Расхождение итогов смены не найдено.')
    const reviewed = prepared(
      db.$client,
      `SELECT 1 FROM audit_log WHERE entity = 'shift' AND entity_id = ? AND action = ?`,
    ).get(input.shiftId, REVIEW_SHIFT)
    if (reviewed) throw new ApiFailure('conflict', 'Это расхождение итогов смены уже проверено.')
    const difference = toDifference(db, row)
    writeAudit(db, actor, {
      action: REVIEW_SHIFT,
      entity: 'shift',
      entityId: input.shiftId,
      details: {
        note: input.note,
        closedAt: difference.closedAt,
        reported: difference.reported,
        held: difference.held,
        reportedCancellations: difference.reportedCancellations,
        heldCancellations: difference.heldCancellations,
      },
    })
    const by = actor.operatorId
      ? (prepared(db.$client, 'SELECT full_name FROM operators WHERE id = ?')
          .pluck()
          .get(actor.operatorId) as string | undefined)
      : undefined
    return { shiftId: input.shiftId, note: input.note, by: by ?? null, at: actor.at }
  })()
}
