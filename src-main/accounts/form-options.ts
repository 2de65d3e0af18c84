import type { AccountFormOptions } from '../../src-shared/accounts/types'
import type { Db } from '../db/connection'
import { currentDevice } from '../workstation/device'
import { readSetting } from '../settings/settings'

/** What the registration and edit forms choose from: offices, suppliers, services, the format. */
export function accountFormOptions(db: Db, today: string): AccountFormOptions {
  const device = currentDevice(db)
  const sql = db.$client
  const office = device.workstationId
    ? (sql
        .prepare('SELECT office_id AS id FROM workstations WHERE id = ?')
        .get(device.workstationId) as { id: string } | undefined)
    : undefined
  return {
    offices: sql.prepare('SELECT id, name FROM offices ORDER BY name').all() as {
      id: string
      name: string
    }[],
    defaultOfficeId: office?.id ?? null,
    suppliers: sql
      .prepare('SELECT id, short_name AS name FROM suppliers ORDER BY short_name')
      .all() as { id: string; name: string }[],
    numberFormat: readSetting(db, 'accountNumberFormat', today),
    today,
  }
}
