import { shiftAgeCheck, shiftAgeMessages } from '../../src-shared/shifts/age'
import {
  buildShiftReport,
  type ShiftPayment,
  type ShiftReport,
} from '../../src-shared/shifts/report'
import type { OpenShift } from '../../src-shared/shifts/contract'
import type { Service } from '../../src-shared/accounts/domain'
import type { PaymentMethod } from '../../src-shared/payments/domain'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { REFUSED_AT_ONCE } from '../sync/set-aside'

interface ShiftRow {
  id: string
  openedAt: string
  openedByName: string | null
  openingCash: number
  closedAt: string | null
  countedCash: number | null
  report: string | null
}

const shiftColumns = `s.id, s.opened_at AS openedAt, o.full_name AS openedByName,
  s.opening_cash AS openingCash, s.closed_at AS closedAt, s.counted_cash AS countedCash, s.report`

/** The workstation's open shift, with how old it is. */
export function openShiftOf(db: Db, workstationId: string | null, now: Date): OpenShift | null {
  const row = prepared(
    db.$client,
    `SELECT ${shiftColumns} FROM shifts s LEFT JOIN operators o ON o.id = s.opened_by
      WHERE s.workstation_id IS @workstationId AND s.closed_at IS NULL
      ORDER BY s.opened_at DESC LIMIT 1`,
  ).get({ workstationId }) as ShiftRow | undefined
  if (!row) return null
  const age = shiftAgeCheck(row.openedAt, now)
  return {
    id: row.id,
    openedAt: row.openedAt,
    openedByName: row.openedByName,
    openingCash: row.openingCash,
    age,
    ageMessage: age === 'ok' ? null : shiftAgeMessages[age],
  }
}

export function shiftById(db: Db, shiftId: string): ShiftRow | undefined {
  return prepared(
    db.$client,
    `SELECT ${shiftColumns} FROM shifts s LEFT JOIN operators o ON o.id = s.opened_by WHERE s.id = ?`,
  ).get(shiftId) as ShiftRow | undefined
}

/** Payments taken in the shift and those cancelled in it (whatever shift took them). */
function shiftPayments(db: Db, shiftId: string): ShiftPayment[] {
  const rows = prepared(
    db.$client,
    `SELECT p.id, p.method, p.amount, p.shift_id AS takenIn, x.shift_id AS cancelledIn,
            x.id IS NOT NULL AS cancelled
       FROM payments p LEFT JOIN payment_cancellations x ON x.payment_id = p.id
      WHERE p.shift_id = @shiftId OR x.shift_id = @shiftId`,
  ).all({ shiftId }) as {
    id: string
    method: PaymentMethod
    amount: number
    takenIn: string | null
    cancelledIn: string | null
    cancelled: number
  }[]
  const lines = prepared(
    db.$client,
    'SELECT service, amount FROM payment_lines WHERE payment_id = ?',
  )
  return rows
    .map((r): ShiftPayment => ({
      method: r.method,
      amount: r.amount,
      lines: lines.all(r.id) as { service: Service; amount: number }[],
      takenInShift: r.takenIn === shiftId,
      cancellation: r.cancelled ? { inShift: r.cancelledIn === shiftId } : null,
    }))
    .concat(setAsideMoney(db, shiftId))
}

type Stored = Record<string, unknown>

/**
 * Facts of the shift set aside for the server's rows (src-main/sync/set-aside.ts) still moved
 * money at this drawer: a refund handed out for a payment another desk cancelled first, a payment
 * whose receipt number the server gave another. The report counts them, so the drawer adds up and
 * the server's comparison shows the shift's difference to the supervisor.
 */
function setAsideMoney(db: Db, shiftId: string): ShiftPayment[] {
  const rows = prepared(
    db.$client,
    `SELECT table_name AS "table", row, dependents FROM set_aside_rows
      WHERE table_name IN ('payments', 'payment_cancellations')
        AND json_extract(row, '$.shift_id') = ? AND constraint_name IS NOT ?`,
  ).all(shiftId, REFUSED_AT_ONCE) as { table: string; row: string; dependents: string | null }[]
  const payment = prepared(
    db.$client,
    `SELECT p.method, p.amount, (SELECT json_group_array(json_object('service', l.service, 'amount', l.amount))
                                   FROM payment_lines l WHERE l.payment_id = p.id) AS lines
       FROM payments p WHERE p.id = ?`,
  )
  return rows.flatMap((r): ShiftPayment[] => {
    const row = JSON.parse(r.row) as Stored
    if (r.table === 'payments') {
      const owned = JSON.parse(r.dependents ?? '{}') as Record<string, Stored[]>
      const cancelled = owned.payment_cancellations?.[0]
      return [
        {
          method: row.method as PaymentMethod,
          amount: row.amount as number,
          lines: (owned.payment_lines ?? []).map((l) => ({
            service: l.service as Service,
            amount: l.amount as number,
          })),
          takenInShift: true,
          cancellation: cancelled ? { inShift: cancelled.shift_id === shiftId } : null,
        },
      ]
    }
    const paid = payment.get(row.payment_id) as
      { method: PaymentMethod; amount: number; lines: string } | undefined
    if (!paid) return []
    // The refund only: the payment itself counts where it was taken.
    return [
      {
        method: paid.method,
        amount: paid.amount,
        lines: JSON.parse(paid.lines) as { service: Service; amount: number }[],
        takenInShift: false,
        cancellation: { inShift: true },
      },
    ]
  })
}

/** A closed shift's frozen Z report, or the X report of an open one as of now. */
export function shiftReport(db: Db, shift: ShiftRow): ShiftReport {
  if (shift.report) return JSON.parse(shift.report) as ShiftReport
  return buildShiftReport(
    { openedAt: shift.openedAt, openingCash: shift.openingCash, closedAt: null, countedCash: null },
    shiftPayments(db, shift.id),
  )
}

/** The Z report for closing the shift now with the counted cash. */
export function closingReport(db: Db, shift: ShiftRow, closedAt: string, countedCash: number) {
  return buildShiftReport(
    { openedAt: shift.openedAt, openingCash: shift.openingCash, closedAt, countedCash },
    shiftPayments(db, shift.id),
  )
}
