import { z } from 'zod'
import { channel } from '../api/channel'
import { anyOperator } from '../operators/roles'
import type { ReleaseChannel } from './feed'

/** A release the workstation's central server offers it. */
export interface OfferedRelease {
  version: string
  releaseNotes: string | null
  releaseDate: string | null
}

/** The header's "update ready" mark and the About screen. */
export interface UpdateStatus {
  appVersion: string
  /** Only the installed app updates itself (not a dev run, not the web dev host). */
  enabled: boolean
  /** The central server whose feed is checked: the sync address. */
  server: string | null
  channel: ReleaseChannel
  lastCheckAt: string | null
  lastError: string | null
  available: OfferedRelease | null
  /** Downloaded and checked; installs when the app quits with no cash shift open. */
  ready: boolean
  /** Ready, but a cash shift is open on this workstation. */
  waitingForShift: boolean
}

export const updateChannels = {
  'updates.status': channel<UpdateStatus>()({
    input: z.object({}),
    roles: anyOperator,
    passive: true,
    whileLocked: true,
  }),
}
