import { defineStore } from 'pinia'
import { call } from '../api/client'
import { sender } from '../api/sender'

/** The history (audit log) as the clerk reads it: an account's, an operator's, and whose to pick. */
export const useHistoryStore = defineStore('history', () => {
  const ofAccount = sender('audit.account')
  const ofOperator = sender('audit.operator')

  /** The operators a supervisor may pick to read the history of. */
  async function operators() {
    const result = await call('settings.operators', {})
    return result.ok ? result.value : []
  }

  return { ofAccount, ofOperator, operators }
})
