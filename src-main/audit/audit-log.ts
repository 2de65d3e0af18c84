import { uuidv7 } from 'uuidv7'
import type { Db } from '../db/connection'
import { auditLog } from '../db/schema'
import { currentDevice } from '../workstation/device'

export interface AuditEntry {
  action: string
  entity?: string
  entityId?: string
  accountId?: string | null
  details?: unknown
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

export function writeAudit(db: Db, actor: AuditActor, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      id: uuidv7(),
      at: actor.at,
      operatorId: actor.operatorId,
      workstationId: actor.workstationId,
      deviceId: actor.deviceId,
      commandId: actor.commandId ?? null,
      action: entry.action,
      entity: entry.entity ?? null,
      entityId: entry.entityId ?? null,
      accountId: entry.accountId ?? null,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    })
    .run()
}
