import type { Db } from '../db/connection'
import { deviceState } from '../db/schema'

export type DeviceState = typeof deviceState.$inferSelect

export function currentDevice(db: Db): DeviceState {
  const device = db.select().from(deviceState).get()
  if (!device)
    throw new Error('device_state is missing: the replica was not opened with openReplica')
  return device
}
