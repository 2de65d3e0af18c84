import { defineStore } from 'pinia'
import { call } from '../api/client'
import { sender } from '../api/sender'

/** The meter dialogs: what a form checks against, and installing, removing, replacing a meter. */
export const useMetersStore = defineStore('meters', () => {
  function formContext(accountId: string, meterId?: string) {
    return call('meters.formContext', { accountId, meterId })
  }

  const install = sender('meters.install')
  const remove = sender('meters.remove')
  const replace = sender('meters.replace')

  return { formContext, install, remove, replace }
})
