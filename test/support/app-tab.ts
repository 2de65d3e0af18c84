import { expect } from 'vitest'
import type { ChannelName, InputOf, OutputOf } from '../../src-shared/api/contract'
import { accountInput, testOperators, type TempApp } from './temp-app'

/**
 * One tab of the app under test, as the renderer talks to it: operators log in on it (whoever
 * was logged in leaves first), channels are called from it, answered as dispatch answers or as
 * their value (a refusal throws its message). `app` is read at each call: a test file's app is
 * made anew before each test.
 */
export function appTab(app: () => TempApp, tab: string) {
  const call = <K extends ChannelName>(channel: K, input: InputOf<K>) =>
    app().app.dispatch(channel, input, tab)
  return {
    async login(op: { login: string; password: string }) {
      await app().app.dispatch('session.logout', {}, tab)
      const r = await app().app.dispatch(
        'session.login',
        { login: op.login, password: op.password },
        tab,
      )
      expect(r.ok).toBe(true)
    },
    call,
    async value<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
      const result = await call(channel, input)
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value as OutputOf<K>
    },
  }
}

/** The clerk logs in on the tab and registers one account (accountInput's): its id. */
export async function clerkWithAccount(temp: TempApp, tab: string): Promise<string> {
  const [clerk] = testOperators
  await temp.app.dispatch('session.login', { login: clerk.login, password: clerk.password }, tab)
  return (await appTab(() => temp, tab).value('accounts.register', accountInput())).accountId
}
