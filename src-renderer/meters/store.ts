import { defineStore } from 'pinia'
import type { InputOf } from '../../src-shared/api/contract'
import { call } from '../api/client'

/** The meter dialogs: what a form checks against, and installing, removing, replacing a meter. */
export const useMetersStore = defineStore('meters', () => {
  function formContext(accountId: string, meterId?: string) {
    return call('meters.formContext', { accountId, meterId })
  }

  function install(input: InputOf<'meters.install'>) {
    return call('meters.install', input)
  }

  function remove(input: InputOf<'meters.remove'>) {
    return call('meters.remove', input)
  }

  function replace(input: InputOf<'meters.replace'>) {
    return call('meters.replace', input)
  }

  return { formContext, install, remove, replace }
})
