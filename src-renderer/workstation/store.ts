import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { WorkstationInfo } from '../../src-shared/workstation/contract'
import { call } from '../api/client'

/** Which office and counter this is; it does not change while the app runs, so it is asked once. */
export const useWorkstationStore = defineStore('workstation', () => {
  const info = ref<WorkstationInfo | null>(null)
  let loading: Promise<void> | null = null

  function ensureLoaded(): Promise<void> {
    loading ??= (async () => {
      const result = await call('workstation.info', {})
      if (result.ok) info.value = result.value
      // A failure is retried on the next screen that needs it.
      else loading = null
    })()
    return loading
  }

  return { info, ensureLoaded }
})
