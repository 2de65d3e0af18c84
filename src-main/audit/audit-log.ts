import type { AuditAction } from '../../src-shared/audit/actions'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { currentDevice } from '../workstation/device'
import { newId } from '../commands/new-id'

export interface AuditEntry {
  action: AuditAction
  entity?: string
  entityId?: string
  accountId?: string | null
  details?: unknown
}

/**
 * The audit entry of an office, supplier or operator an admin saved: created, or edited with its
 * values before.
 */
export function savedEntry(
  entity: 'office' | 'supplier' | 'operator',
  entityId: string,
  old: unknown,
  values: unknown,
): AuditEntry {
  return {
    action: `${entity}.${old === undefined ? 'create' : 'edit'}`,
    entity,
    entityId,
    details: old === undefined ? { new: values } : { old, new: values },
  }
}

export interface AuditActor {
  operatorId: string | null
  workstationId: string | null
  deviceId: string
  at: string
  commandId?: string
}

/** An operator (or nobody) at this workstation, now: who an audit entry names. */
export function workstationActor(db: Db, operatorId: string | null, now: Date): AuditActor {
  const device = currentDevice(db)
  return {
    operatorId,
    workstationId: device.workstationId,
    deviceId: device.deviceId,
    at: now.toISOString(),
  }
}

// A prepared statement: every command writes here, and the query builder's per-call building
// and preparing cost more than the insert.
export function writeAudit(db: Db, actor: AuditActor, entry: AuditEntry): void {
  prepared(
    db.$client,
    `INSERT INTO audit_log (id, at, operator_id, workstation_id, device_id, command_id, action,
                            entity, entity_id, account_id, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    actor.at,
    actor.operatorId,
    actor.workstationId,
    actor.deviceId,
    actor.commandId ?? null,
    entry.action,
    entry.entity ?? null,
    entry.entityId ?? null,
    entry.accountId ?? null,
    entry.details === undefined ? null : JSON.stringify(entry.details),
  )
}
