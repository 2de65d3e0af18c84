import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import { registerAccount } from '../../src-main/accounts/register-account'
import { executeCommand } from '../../src-main/commands/command'
import type { BackendOptions, StartedBackend } from './renderer-backend-contract'
import { accountInput, tempApp, testOperators } from './temp-app'

const tab = 'wc:1'

/** A real app on a temporary replica with an operator logged in at the renderer's window. */
export async function startBackend(options: BackendOptions = {}): Promise<StartedBackend> {
  const t = tempApp()
  const operator = testOperators.find((o) => o.login === (options.login ?? 'clerk'))!
  const login = await t.app.dispatch(
    'session.login',
    { login: operator.login, password: operator.password },
    tab,
  )
  if (!login.ok) throw new Error(login.error.message)
  const accountId = options.account
    ? executeCommand(
        t.app.services.db,
        registerAccount,
        registerAccountSchema.parse(accountInput({ number: '7700000001' })),
        { operatorId: null, now: t.app.services.clock() },
      ).accountId
    : ''
  return {
    accountId,
    backend: {
      dispatch: (channel, input) => t.app.dispatch(channel, input, tab),
      run: (sql, ...params) => {
        t.app.services.db.$client.prepare(sql).run(...params)
      },
      cleanup: () => t.cleanup(),
    },
  }
}
