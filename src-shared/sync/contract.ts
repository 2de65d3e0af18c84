import { z } from 'zod'
import { channel } from '../api/channel'
import { anyOperator } from '../operators/roles'

/** What the shell shows about sync with the central server. */
export interface SyncStatus {
  online: boolean
  configured: boolean
  waitingCommands: number
  oldestWaitingAt: string | null
  lastSyncAt: string | null
  rejectedCommands: number
  /** The server's "update required" message while this app is too old to pull. */
  updateRequired: string | null
}

export const syncChannels = {
  'sync.status': channel<SyncStatus>()({ input: z.object({}), roles: anyOperator, passive: true }),
}
