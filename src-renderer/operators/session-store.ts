import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ApiError } from '../../src-shared/api/result'
import type { SessionInfo } from '../../src-shared/operators/contract'
import { call, onApiError } from '../api/client'

/** unknown: not asked yet; anonymous: login screen; active/locked: the shell, locked behind the lock screen. */
export type SessionStatus = 'unknown' | 'anonymous' | 'active' | 'locked'

export const useSessionStore = defineStore('session', () => {
  const info = ref<SessionInfo | null>(null)
  const status = ref<SessionStatus>('unknown')
  /** The central server ended the session: the login screen says so until the next login. */
  const endedByServer = ref(false)
  let loading: Promise<void> | null = null

  const loggedIn = computed(() => status.value === 'active' || status.value === 'locked')
  const locked = computed(() => status.value === 'locked')

  function apply(next: SessionInfo | null): void {
    info.value = next
    status.value = next === null ? 'anonymous' : next.locked ? 'locked' : 'active'
  }

  // Any call may learn that the server locked or dropped the session, or that the central
  // server ended it.
  onApiError((error) => {
    if (error.code === 'locked' && status.value === 'active') status.value = 'locked'
    else if (error.code === 'unauthenticated') apply(null)
    else if (error.code === 'session_ended') {
      endedByServer.value = true
      apply(null)
    }
  })

  /** Asks once whether this window or tab already has a session (e.g. after a reload). */
  function ensureLoaded(): Promise<void> {
    loading ??= (async () => {
      const result = await call('session.current', {})
      apply(result.ok ? result.value : null)
    })()
    return loading
  }

  async function login(login: string, password: string): Promise<ApiError | null> {
    const result = await call('session.login', { login, password })
    if (!result.ok) return result.error
    endedByServer.value = false
    apply(result.value)
    return null
  }

  async function logout(): Promise<void> {
    await call('session.logout', {})
    apply(null)
  }

  async function lock(): Promise<void> {
    if (status.value !== 'active') return
    // Lock the screen first: the server call may be slow or fail, the screen must not wait.
    status.value = 'locked'
    await call('session.lock', {})
  }

  async function unlock(password: string): Promise<ApiError | null> {
    const result = await call('session.unlock', { password })
    if (!result.ok) return result.error
    apply(result.value)
    return null
  }

  /** Marks the server-side session active and learns whether it was locked meanwhile. */
  async function keepAlive(): Promise<void> {
    const result = await call('session.current', {})
    if (result.ok && status.value !== 'anonymous') apply(result.value)
  }

  return {
    info,
    status,
    loggedIn,
    locked,
    endedByServer,
    ensureLoaded,
    login,
    logout,
    lock,
    unlock,
    keepAlive,
  }
})
