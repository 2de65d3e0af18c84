import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AccountCard } from '../../src-shared/accounts/types'
import { call } from '../api/client'

/** The account card on screen (read only). */
export const useAccountCardStore = defineStore('accountCard', () => {
  const card = shallowRef<AccountCard | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let sequence = 0

  async function load(accountId: string): Promise<void> {
    const mine = ++sequence
    loading.value = true
    error.value = null
    // Never show another account's data while the requested one loads.
    if (card.value?.id !== accountId) card.value = null
    const result = await call('accounts.card', { accountId })
    if (mine !== sequence) return
    loading.value = false
    if (result.ok) card.value = result.value
    else error.value = result.error.message
  }

  function clear(): void {
    sequence++
    card.value = null
    loading.value = false
    error.value = null
  }

  return { card, loading, error, load, clear }
})
