import { defineStore } from 'pinia'
import type { InputOf } from '../../src-shared/api/contract'
import { call } from '../api/client'

/** The notifications: one account's (on its card) and the list screen's pages. */
export const useNotificationsStore = defineStore('notifications', () => {
  function forAccount(accountId: string) {
    return call('notifications.account', { accountId })
  }

  function list(input: InputOf<'notifications.list'>) {
    return call('notifications.list', input)
  }

  return { forAccount, list }
})
