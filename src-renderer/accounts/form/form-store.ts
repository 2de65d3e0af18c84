import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AccountFormOptions, CustomerMatch } from '../../../src-shared/accounts/types'
import { call, caller } from '../../api/client'
import type { AccountDraft } from './account-draft'

/**
 * The account form, for registration and edit: its options, the registration draft being typed
 * (kept while the clerk looks at a possible duplicate's card and comes back, Ins; cleared once
 * the account is saved), the duplicates check and the saves.
 */
export const useAccountFormStore = defineStore('accountForm', () => {
  const options = shallowRef<AccountFormOptions | null>(null)
  const draft = ref<AccountDraft | null>(null)
  const error = ref<string | null>(null)

  async function loadOptions(): Promise<AccountFormOptions | null> {
    const result = await call('accounts.formOptions', {})
    if (result.ok) {
      options.value = result.value
      error.value = null
    } else error.value = result.error.message
    return options.value
  }

  function clear(): void {
    draft.value = null
  }

  /** Known customers by name, phone or ELS, to link to instead of registering a duplicate. */
  async function findCustomers(query: string): Promise<CustomerMatch[]> {
    const result = await call('accounts.customers', { query })
    return result.ok ? result.value : []
  }

  /** Accounts that may be the one being typed. */
  const duplicates = caller('accounts.duplicates')

  /** A stored account's fields and version, the base of its edit. */
  function stored(accountId: string) {
    return call('accounts.form', { accountId })
  }

  const register = caller('accounts.register')
  const edit = caller('accounts.edit')

  return {
    options,
    draft,
    error,
    loadOptions,
    clear,
    findCustomers,
    duplicates,
    stored,
    register,
    edit,
  }
})
