import { defineStore } from 'pinia'
import type { SyncCommands, SyncStatus } from '../../src-shared/sync/contract'
import { call, caller } from '../api/client'
import { useLoaded } from '../api/loaded'

const noCommands: SyncCommands = { waiting: [], rejected: [], shiftDifferences: [], setAside: [] }

/**
 * The sync with the central server: its status (the header's badge), the Sync screen's lists and
 * what a supervisor or admin does there, and the first-run wizard's registration.
 */
export const useSyncStore = defineStore('sync', () => {
  const status = useLoaded(() => call('sync.status', {}), null as SyncStatus | null)
  const commands = useLoaded(() => call('sync.commands', {}), noCommands)

  /** Syncs at once, then shows where that left the status and the lists. */
  async function syncNow(): Promise<void> {
    const result = await call('sync.now', {})
    await Promise.all([status.load(), commands.load()])
    if (!result.ok) commands.error.value = result.error.message
  }

  function reviewShift(shiftId: string, note: string) {
    return call('sync.reviewShift', { shiftId, note })
  }

  function checkServer(serverUrl: string) {
    return call('sync.checkServer', { serverUrl })
  }

  /** A code proves the https server when a plain-http registration moves to it. */
  function changeServer(serverUrl: string, code?: string) {
    return call('sync.changeServer', { serverUrl, ...(code === undefined ? {} : { code }) })
  }

  function setupState() {
    return call('setup.state', {})
  }

  function register(serverUrl: string, code: string) {
    return call('setup.register', { serverUrl, code })
  }

  function clear(): void {
    status.value.value = null
    status.error.value = null
    commands.value.value = noCommands
    commands.error.value = null
  }

  return {
    status: status.value,
    error: status.error,
    commands: commands.value,
    commandsError: commands.error,
    refresh: status.load,
    loadCommands: commands.load,
    syncNow,
    resolve: caller('sync.resolve'),
    reviewShift,
    checkServer,
    changeServer,
    setupState,
    register,
    clear,
  }
})
