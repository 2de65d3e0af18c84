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
  return rows.map((r) => ({
    method: r.method,
    amount: r.amount,
    lines: lines.all(r.id) as { service: Service; amount: number }[],
    takenInShift: r.takenIn === shiftId,
    cancellation: r.cancelled ? { inShift: r.cancelledIn === shiftId } : null,
  }))
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
