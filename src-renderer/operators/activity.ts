import { onBeforeUnmount, onMounted, watch } from 'vue'
import { useSessionStore } from './session-store'

const keepAliveEveryMs = 60_000
const checkEveryMs = 5_000
const mouseMoveThrottleMs = 1_000

/** When the operator last touched the keyboard or mouse (epoch ms); shared with background polls. */
let lastActivityAt = Date.now()

export function msSinceActivity(): number {
  return Date.now() - lastActivityAt
}

/**
 * Locks the screen after the configured idle minutes and, while the operator works, keeps the
 * server-side session alive (the server locks sessions idle longer than the same setting).
 * Mount once, in the shell.
 */
export function useScreenLock(): void {
  const session = useSessionStore()
  let lastKeepAliveAt = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined

  function lockAfterMs(): number {
    const minutes = session.info?.screenLockMinutes ?? 10
    return minutes * 60_000
  }

  function onActivity(): void {
    if (session.status !== 'active') return
    const now = Date.now()
    lastActivityAt = now
    // At most once a minute, and at least twice per lock period so a 1-minute setting cannot race.
    const every = Math.min(keepAliveEveryMs, lockAfterMs() / 2)
    if (now - lastKeepAliveAt >= every) {
      lastKeepAliveAt = now
      void session.keepAlive()
    }
  }

  function onMouseMove(): void {
    if (Date.now() - lastActivityAt >= mouseMoveThrottleMs) onActivity()
  }

  function check(): void {
    if (session.status === 'active' && msSinceActivity() >= lockAfterMs()) void session.lock()
  }

  // After unlocking (or logging in again) the idle clock starts afresh.
  watch(
    () => session.status,
    (status) => {
      if (status === 'active') lastActivityAt = lastKeepAliveAt = Date.now()
    },
  )

  const options: AddEventListenerOptions = { capture: true, passive: true }

  onMounted(() => {
    lastActivityAt = Date.now()
    window.addEventListener('keydown', onActivity, options)
    window.addEventListener('mousedown', onActivity, options)
    window.addEventListener('wheel', onActivity, options)
    window.addEventListener('mousemove', onMouseMove, options)
    timer = setInterval(check, checkEveryMs)
  })

  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onActivity, options)
    window.removeEventListener('mousedown', onActivity, options)
    window.removeEventListener('wheel', onActivity, options)
    window.removeEventListener('mousemove', onMouseMove, options)
    clearInterval(timer)
  })
}
