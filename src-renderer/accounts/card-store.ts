import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AccountCard } from '../../src-shared/accounts/types'
import { call, caller } from '../api/client'
import { latestOnly } from '../api/latest'

/** The account card on screen, and what its dialogs change: closing, consents, linked persons. */
export const useAccountCardStore = defineStore('accountCard', () => {
  const card = shallowRef<AccountCard | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const reads = latestOnly()

  async function load(accountId: string): Promise<void> {
    loading.value = true
    error.value = null
    // Never show another account's data while the requested one loads.
    if (card.value?.id !== accountId) card.value = null
    const result = await reads.latest(() => call('accounts.card', { accountId }))
    if (!result) return
    loading.value = false
    if (result.ok) card.value = result.value
    else error.value = result.error.message
  }

  /** Today and the choices the card's forms offer. */
  function formOptions() {
    return call('accounts.formOptions', {})
  }

  const close = caller('accounts.close')
  const recordConsent = caller('accounts.recordConsent')
  const linkPerson = caller('accounts.linkPerson')

  function unlinkPerson(accountId: string, linkId: string) {
    return call('accounts.unlinkPerson', { accountId, linkId })
  }

  function clear(): void {
    reads.drop()
    card.value = null
    loading.value = false
    error.value = null
  }

  return {
    card,
    loading,
    error,
    load,
    formOptions,
    close,
    recordConsent,
    linkPerson,
    unlinkPerson,
    clear,
  }
})
