import { z } from 'zod'
import { channel } from '../api/channel'
import { anyOperator } from '../operators/roles'

/** What the shell shows about sync; the sync issue fills in the server side. */
export interface SyncStatus {
  online: boolean
  configured: boolean
  waitingCommands: number
  oldestWaitingAt: string | null
  lastSyncAt: string | null
  rejectedCommands: number
}

export const syncChannels = {
  'sync.status': channel<SyncStatus>()({ input: z.object({}), roles: anyOperator, passive: true }),
}
