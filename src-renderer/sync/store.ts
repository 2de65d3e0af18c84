import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { SyncStatus } from '../../src-shared/sync/contract'
import { call } from '../api/client'

export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null)
  const error = ref<string | null>(null)

  async function refresh(): Promise<void> {
    const result = await call('sync.status', {})
    if (result.ok) {
      status.value = result.value
      error.value = null
    } else {
      error.value = result.error.message
    }
  }

  function clear(): void {
    status.value = null
    error.value = null
  }

  return { status, error, refresh, clear }
})
