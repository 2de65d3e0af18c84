import { defineStore } from 'pinia'
import type { UpdateStatus } from '../../src-shared/updates/contract'
import { call } from '../api/client'
import { useLoaded } from '../api/loaded'

/** The workstation's updates: the header's "ready" mark and the About screen. */
export const useUpdatesStore = defineStore('updates', () => {
  const status = useLoaded(() => call('updates.status', {}), null as UpdateStatus | null)
  return { status: status.value, error: status.error, refresh: status.load }
})
