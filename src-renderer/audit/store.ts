import { defineStore } from 'pinia'
import type { InputOf } from '../../src-shared/api/contract'
import { call } from '../api/client'

/** The history (audit log) as the clerk reads it: an account's, an operator's, and whose to pick. */
export const useHistoryStore = defineStore('audit', () => {
  function ofAccount(input: InputOf<'audit.account'>) {
    return call('audit.account', input)
  }

  function ofOperator(input: InputOf<'audit.operator'>) {
    return call('audit.operator', input)
  }

  /** The operators a supervisor may pick to read the history of. */
  async function operators() {
    const result = await call('settings.operators', {})
    return result.ok ? result.value : []
  }

  return { ofAccount, ofOperator, operators }
})
