import { createPinia, setActivePinia } from 'pinia'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import { bridgeKey, type Bridge } from '../../src-shared/api/bridge'
import { registerAccount } from '../../src-main/accounts/register-account'
import { executeCommand } from '../../src-main/commands/command'
import { accountInput, tempApp, testOperators, type TempApp } from './temp-app'

const tab = 'wc:1'
let current: TempApp | null = null

// One bridge for the whole file, as the preload gives one per window: the renderer's API client
// keeps the transport it picked first, so the bridge forwards to the app of the test at hand.
const bridge: Bridge = {
  invoke: (channel, input) => {
    if (!current) throw new Error('no app behind the renderer')
    return current.app.dispatch(channel, input, tab)
  },
}

type Operator = (typeof testOperators)[number]

/**
 * A real app (temporary replica, the handlers Electron registers) behind a happy-dom window, an
 * operator logged in at it, a fresh Pinia: what a renderer store talks to in the desktop app.
 */
export async function rendererApp(operator: Operator = testOperators[0]): Promise<TempApp> {
  current = tempApp()
  Object.assign(window, { [bridgeKey]: bridge })
  setActivePinia(createPinia())
  const login = await current.app.dispatch(
    'session.login',
    { login: operator.login, password: operator.password },
    tab,
  )
  if (!login.ok) throw new Error(login.error.message)
  return current
}

export function closeRendererApp(): void {
  current?.cleanup()
  current = null
}

/** An open account registered straight through its command, as the register form would. */
export function registeredAccount(t: TempApp, number = '7700000001'): string {
  return executeCommand(
    t.app.services.db,
    registerAccount,
    registerAccountSchema.parse(accountInput({ number })),
    { operatorId: null, now: t.app.services.clock() },
  ).accountId
}

/** The same, with one open account registered: most stores work on an account. */
export async function rendererAppWithAccount(): Promise<{ t: TempApp; accountId: string }> {
  const t = await rendererApp()
  return { t, accountId: registeredAccount(t) }
}
