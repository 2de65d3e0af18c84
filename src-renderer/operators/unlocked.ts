import { watch } from 'vue'
import { useSessionStore } from './session-store'

/**
 * Runs `fn` when the screen is unlocked. A view whose call was refused because the server had
 * already locked the session uses it to load again instead of leaving the error on screen.
 */
export function onUnlocked(fn: () => void): void {
  const session = useSessionStore()
  watch(
    () => session.status,
    (status, previous) => {
      if (status === 'active' && previous === 'locked') fn()
    },
  )
}
