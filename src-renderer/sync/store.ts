import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { InputOf } from '../../src-shared/api/contract'
import type { SyncCommands, SyncStatus } from '../../src-shared/sync/contract'
import { call } from '../api/client'

const noCommands: SyncCommands = { waiting: [], rejected: [], shiftDifferences: [], setAside: [] }

/**
 * The sync with the central server: its status (the header's badge), the Sync screen's lists and
 * what a supervisor or admin does there, and the first-run wizard's registration.
 */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null)
  const error = ref<string | null>(null)
  const commands = shallowRef<SyncCommands>(noCommands)
  const commandsError = ref<string | null>(null)

  async function refresh(): Promise<void> {
    const result = await call('sync.status', {})
    if (result.ok) {
      status.value = result.value
      error.value = null
    } else {
      error.value = result.error.message
    }
  }

  async function loadCommands(): Promise<void> {
    const result = await call('sync.commands', {})
    if (result.ok) {
      commands.value = result.value
      commandsError.value = null
    } else {
      commandsError.value = result.error.message
    }
  }

  /** Syncs at once, then shows where that left the status and the lists. */
  async function syncNow(): Promise<void> {
    const result = await call('sync.now', {})
    await Promise.all([refresh(), loadCommands()])
    if (!result.ok) commandsError.value = result.error.message
  }

  function resolve(input: InputOf<'sync.resolve'>) {
    return call('sync.resolve', input)
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
    status.value = null
    error.value = null
    commands.value = noCommands
    commandsError.value = null
  }

  return {
    status,
    error,
    commands,
    commandsError,
    refresh,
    loadCommands,
    syncNow,
    resolve,
    reviewShift,
    checkServer,
    changeServer,
    setupState,
    register,
    clear,
  }
})
