import type { Handler } from '../api/dispatch'
import { currentDevice } from './device'

export const workstationHandlers: { 'workstation.info': Handler<'workstation.info'> } = {
  'workstation.info': (_input, { services }) => {
    const device = currentDevice(services.db)
    const place = device.workstationId
      ? (services.db.$client
          .prepare(
            `SELECT w.name AS workstationName, o.name AS officeName, o.address AS officeAddress,
                    b.name AS branchName
               FROM workstations w JOIN offices o ON o.id = w.office_id JOIN branches b ON b.id = o.branch_id
              WHERE w.id = ?`,
          )
          .get(device.workstationId) as
          | {
              workstationName: string
              officeName: string
              officeAddress: string
              branchName: string
            }
          | undefined)
      : undefined
    return {
      deviceId: device.deviceId,
      receiptPrefix: device.receiptPrefix,
      workstationName: place?.workstationName ?? null,
      officeName: place?.officeName ?? null,
      officeAddress: place?.officeAddress ?? null,
      branchName: place?.branchName ?? null,
      appVersion: services.appVersion,
    }
  },
}
