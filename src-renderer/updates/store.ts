import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { UpdateStatus } from '../../src-shared/updates/contract'
import { call } from '../api/client'

/** The workstation's updates: the header's "ready" mark and the About screen. */
export const useUpdatesStore = defineStore('updates', () => {
  const status = ref<UpdateStatus | null>(null)
  const error = ref<string | null>(null)

  async function refresh(): Promise<void> {
    const result = await call('updates.status', {})
    if (result.ok) {
      status.value = result.value
      error.value = null
    } else error.value = result.error.message
  }

  return { status, error, refresh }
})
