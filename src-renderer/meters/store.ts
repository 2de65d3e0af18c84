import { defineStore } from 'pinia'
import { call, caller } from '../api/client'

/** The meter dialogs: what a form checks against, and installing, removing, replacing a meter. */
export const useMetersStore = defineStore('meters', () => {
  function formContext(accountId: string, meterId?: string) {
    return call('meters.formContext', { accountId, meterId })
  }

  const install = caller('meters.install')
  const remove = caller('meters.remove')
  const replace = caller('meters.replace')

  return { formContext, install, remove, replace }
})
