import { defineStore } from 'pinia'
import { call, caller } from '../api/client'

/** The history (audit log) as the clerk reads it: an account's, an operator's, and whose to pick. */
export const useAuditStore = defineStore('audit', () => {
  const ofAccount = caller('audit.account')
  const ofOperator = caller('audit.operator')

  /** The operators a supervisor may pick to read the history of. */
  async function operators() {
    const result = await call('settings.operators', {})
    return result.ok ? result.value : []
  }

  return { ofAccount, ofOperator, operators }
})
