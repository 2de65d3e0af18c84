import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channelNames, contract } from '../../src-shared/api/contract'
import { handlers } from '../../src-main/api/handlers'
import { accountInput, tempApp, testOperators, type TempApp } from '../support/temp-app'

let t: TempApp
const client = 'web:tab-1'
const clerk = testOperators[0]
const cashier = testOperators[1]

beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

const call = (channel: unknown, input: unknown, key = client) => t.app.dispatch(channel, input, key)

async function login(op: { login: string; password: string }, key = client) {
  const result = await call('session.login', { login: op.login, password: op.password }, key)
  expect(result.ok).toBe(true)
}

describe('the contract wrapper', () => {
  it('has one handler for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort())
    expect(channelNames.length).toBe(Object.keys(contract).length)
  })

  it('answers an unknown channel without reaching a handler', async () => {
    const result = await call('accounts.drop', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'Неизвестная операция.' },
    })
  })

  it('asks to log in before any operator channel', async () => {
    const result = await call('accounts.search', { query: 'Смирнов' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('unauthenticated')
  })

  it('names the invalid field in Russian and keeps the session', async () => {
    const result = await call('session.login', { login: '  ', password: '' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.fields).toEqual({
      login: 'Логин: не заполнено',
      password: 'Пароль: не заполнено',
    })
  })

  it('refuses a wrong password with a clear message and logs the attempt', async () => {
    const result = await call('session.login', { login: clerk.login, password: 'wrong' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad_credentials', message: 'Неверный логин или пароль.' },
    })
    const audit = t.app.services.db.$client
      .prepare(
        "SELECT operator_id AS operatorId FROM audit_log WHERE action = 'session.login_failed'",
      )
      .all()
    expect(audit).toEqual([{ operatorId: clerk.id }])
  })

  it('logs in, records the login and answers who is logged in, per client', async () => {
    await login(clerk)
    const me = await call('session.current', {})
    expect(me).toMatchObject({ ok: true, value: { login: 'clerk', role: 'clerk', locked: false } })
    expect(await call('session.current', {}, 'web:other-tab')).toEqual({ ok: true, value: null })
    const logins = t.app.services.db.$client
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'session.login'")
      .get()
    expect(logins).toEqual({ n: 1 })
  })

  it('refuses a channel the role may not use', async () => {
    await login(cashier)
    const result = await call('accounts.register', accountInput())
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('forbidden')
    const count = t.app.services.db.$client.prepare('SELECT count(*) AS n FROM accounts').get()
    expect(count).toEqual({ n: 0 })
  })

  it('locks an idle session and unlocks it only with the right password', async () => {
    await login(clerk)
    t.advance(11 * 60_000) // the default lock is 10 minutes
    const locked = await call('accounts.search', { query: 'Смирнов' })
    expect(locked.ok).toBe(false)
    if (!locked.ok) expect(locked.error.code).toBe('locked')
    const wrong = await call('session.unlock', { password: 'nope' })
    expect(wrong.ok).toBe(false)
    const right = await call('session.unlock', { password: clerk.password })
    expect(right).toMatchObject({ ok: true, value: { locked: false } })
    expect((await call('accounts.search', { query: 'Смирнов' })).ok).toBe(true)
  })

  it('turns an unexpected error into a Russian message without details', async () => {
    await login(clerk)
    t.app.services.db.$client.exec('DROP TABLE account_search')
    const result = await call('accounts.search', { query: 'Смирнов' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Внутренняя ошибка программы. Изменения не сохранены.' },
    })
  })
})
