import { callBackDueAt, callBackOverdue } from '../../src-shared/service-requests/domain'
import type { ServiceRequestRow } from '../../src-shared/service-requests/contract'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { readSetting } from '../settings/settings'

type Stored = Omit<ServiceRequestRow, 'callBackDueAt' | 'callBackOverdue'>

const select = `SELECT r.id, r.account_id AS accountId, a.number AS accountNumber, r.number, r.kind,
       m.serial_number AS meterSerial, r.contact_phone AS contactPhone,
       r.preferred_dates AS preferredDates, r.note, r.price, r.status,
       r.registered_at AS registeredAt, r.called_back_at AS calledBackAt,
       r.scheduled_on AS scheduledOn, r.time_window AS timeWindow, r.outcome,
       r.seal_numbers AS sealNumbers, r.cancel_reason AS cancelReason, r.done_on AS doneOn
  FROM service_requests r JOIN accounts a ON a.id = r.account_id
  LEFT JOIN meters m ON m.id = r.meter_id`

function withFlags(db: Db, rows: Stored[], now: Date): ServiceRequestRow[] {
  const at = now.toISOString()
  const hours = readSetting(db, 'serviceCallBackHours', at.slice(0, 10))
  return rows.map((r) => ({
    ...r,
    callBackDueAt: callBackDueAt(r.registeredAt, hours),
    callBackOverdue: callBackOverdue(r, at, hours),
  }))
}

/** An account's requests, newest first, with the call-back flag as of now. */
export function requestsOfAccount(db: Db, accountId: string, now: Date): ServiceRequestRow[] {
  const rows = prepared(
    db.$client,
    `${select} WHERE r.account_id = ? ORDER BY r.registered_at DESC`,
  ).all(accountId) as Stored[]
  return withFlags(db, rows, now)
}

/** The supervisor's list: open requests nobody called back within the promised hours. */
export function overdueCallBacks(db: Db, now: Date): ServiceRequestRow[] {
  const rows = prepared(
    db.$client,
    `${select} WHERE r.called_back_at IS NULL AND r.status IN ('new', 'scheduled')
      ORDER BY r.registered_at`,
  ).all() as Stored[]
  return withFlags(db, rows, now).filter((r) => r.callBackOverdue)
}
