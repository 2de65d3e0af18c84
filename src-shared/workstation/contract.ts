import { z } from 'zod'
import { channel } from '../api/channel'

export interface WorkstationInfo {
  deviceId: string
  workstationName: string | null
  receiptPrefix: string
  officeName: string | null
  officeAddress: string | null
  branchName: string | null
  appVersion: string
}

export const workstationChannels = {
  'workstation.info': channel<WorkstationInfo>()({ input: z.object({}), roles: 'public' }),
}
