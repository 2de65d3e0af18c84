import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../src-renderer/api/client'
import { translate } from '../../src-renderer/i18n'
import { useSessionStore } from '../../src-renderer/operators/session-store'
import { bridgeKey, type Bridge } from '../../src-shared/api/bridge'
import type { ApiResult } from '../../src-shared/api/result'
import type { SessionInfo } from '../../src-shared/operators/contract'
import { sessionMessages } from '../../src-shared/operators/messages'

// The renderer's side only: main's answers (tested with the real server in
// test/sync/operator-sessions.sync.test.ts) come from this window's bridge, as the preload gives them.
const info: SessionInfo = {
  operatorId: 'op-clerk',
  login: 'clerk',
  fullName: 'Иванова Мария Петровна',
  role: 'clerk',
  locked: false,
  screenLockMinutes: 10,
}
let answer: ApiResult<unknown> = { ok: true, value: null }
const bridge: Bridge = {
  invoke: (channel) =>
    Promise.resolve(channel === 'session.login' ? { ok: true, value: info } : answer),
}

beforeAll(() => {
  Object.assign(globalThis, { window: { [bridgeKey]: bridge } })
})
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'window')
})

describe('the session store when the central server ends the session', () => {
  it('goes to the login screen at the next action, which says why in Russian, until the next login', async () => {
    setActivePinia(createPinia())
    const session = useSessionStore()
    expect(await session.login('clerk', 'clerk-pass')).toBeNull()
    expect(session.status).toBe('active')

    answer = { ok: false, error: { code: 'session_ended', message: sessionMessages.endedByServer } }
    await call('accounts.search', { query: '77' })
    expect(session).toMatchObject({ status: 'anonymous', endedByServer: true })
    expect(translate('login.sessionEnded')).toBe('Сеанс завершен сервером: войдите снова')

    expect(await session.login('clerk', 'clerk-pass')).toBeNull()
    expect(session).toMatchObject({ status: 'active', endedByServer: false })
  })

  it('a keep-alive finds it too; an ordinary missing session says nothing about the server', async () => {
    setActivePinia(createPinia())
    const session = useSessionStore()
    await session.login('clerk', 'clerk-pass')
    answer = { ok: false, error: { code: 'session_ended', message: sessionMessages.endedByServer } }
    await session.keepAlive()
    expect(session).toMatchObject({ status: 'anonymous', endedByServer: true })

    setActivePinia(createPinia())
    const other = useSessionStore()
    await other.login('clerk', 'clerk-pass')
    answer = { ok: false, error: { code: 'unauthenticated', message: 'Войдите в программу.' } }
    await call('accounts.search', { query: '77' })
    expect(other).toMatchObject({ status: 'anonymous', endedByServer: false })
  })
})
