import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lockoutDelayMs, lockoutMessage } from '../../src-shared/operators/lockout'
import { tempApp, testOperators, type TempApp } from '../support/temp-app'

let t: TempApp
const clerk = testOperators[0]
const cashier = testOperators[1]
const supervisor = testOperators[2]

beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

const call = (channel: string, input: unknown, key = 'web:tab-lockout') =>
  t.app.dispatch(channel, input, key)

function audited(action: string): number {
  return t.app.services.db.$client
    .prepare('SELECT count(*) FROM audit_log WHERE action = ?')
    .pluck()
    .get(action) as number
}

describe('the wait after wrong passwords', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [9, 480_000],
    [10, 900_000],
    [30, 900_000],
  ])('after %i wrong tries is %i ms', (failures, ms) => {
    expect(lockoutDelayMs(failures)).toBe(ms)
  })

  it('is told in Russian', () => {
    expect(lockoutMessage('login', 30_000)).toBe(
      'Слишком много неверных попыток входа. Следующая попытка через 30 с; попытки записаны в журнал.',
    )
    expect(lockoutMessage('supervisor', 900_000)).toContain('через 15 мин.')
  })
})

describe('lockout', () => {
  it('makes a login wait after 5 wrong passwords, the right one included, and audits every try', async () => {
    for (let i = 1; i <= 4; i++) {
      const wrong = await call('session.login', { login: clerk.login, password: 'wrong' })
      expect(wrong).toMatchObject({ ok: false, error: { code: 'bad_credentials' } })
    }
    const fifth = await call('session.login', { login: clerk.login, password: 'wrong' })
    expect(fifth).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', message: lockoutMessage('login', 30_000) },
    })
    const right = await call('session.login', { login: clerk.login, password: clerk.password })
    expect(right).toMatchObject({ ok: false, error: { code: 'rate_limited' } })
    expect(audited('session.login_failed')).toBe(5)
    expect(audited('session.login_locked')).toBe(1)

    t.advance(30_000)
    const sixth = await call('session.login', { login: clerk.login, password: 'wrong' })
    expect(sixth).toMatchObject({ ok: false, error: { message: lockoutMessage('login', 60_000) } })
    t.advance(60_000)
    const after = await call('session.login', { login: clerk.login, password: clerk.password })
    expect(after.ok).toBe(true)
    // The count starts again after the right password.
    const again = await call(
      'session.login',
      { login: clerk.login, password: 'wrong' },
      'web:x-tab-2',
    )
    expect(again).toMatchObject({ ok: false, error: { code: 'bad_credentials' } })
  })

  it('makes an unlock wait after 5 wrong passwords', async () => {
    expect((await call('session.login', { login: clerk.login, password: clerk.password })).ok).toBe(
      true,
    )
    await call('session.lock', {})
    for (let i = 1; i <= 5; i++) await call('session.unlock', { password: 'wrong' })
    const right = await call('session.unlock', { password: clerk.password })
    expect(right).toMatchObject({ ok: false, error: { code: 'rate_limited' } })
    expect(audited('session.unlock_failed')).toBe(5)
    expect(audited('session.unlock_locked')).toBe(1)
    t.advance(30_000)
    expect((await call('session.unlock', { password: clerk.password })).ok).toBe(true)
  })

  it('makes a supervisor confirmation wait after 5 wrong passwords, and audits each', async () => {
    expect(
      (await call('session.login', { login: cashier.login, password: cashier.password })).ok,
    ).toBe(true)
    const cancel = (password: string) =>
      call('payments.cancel', {
        paymentId: 'payment-1',
        reason: 'ошибка кассира',
        supervisor: { login: supervisor.login, password },
      })
    for (let i = 1; i <= 4; i++) {
      expect(await cancel('wrong')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } })
    }
    expect(await cancel('wrong')).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', message: lockoutMessage('supervisor', 30_000) },
    })
    expect(await cancel(supervisor.password)).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    })
    expect(audited('supervisor.confirm_failed')).toBe(5)
    expect(audited('supervisor.confirm_locked')).toBe(1)
    t.advance(30_000)
    // The password is taken again: the payment itself is what is missing now.
    const later = await cancel(supervisor.password)
    expect(later).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
