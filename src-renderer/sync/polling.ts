import { onBeforeUnmount, onMounted, watch } from 'vue'
import { msSinceActivity } from '../operators/activity'
import { useSessionStore } from '../operators/session-store'
import { useSyncStore } from './store'

const pollEveryMs = 30_000
/** Every API call refreshes the server-side session, so an idle operator's screen is not polled. */
const activeWithinMs = 60_000

/** Keeps the shell's sync status fresh while the operator works. Mount once, in the shell. */
export function useSyncPolling(): void {
  const session = useSessionStore()
  const sync = useSyncStore()
  let timer: ReturnType<typeof setInterval> | undefined

  function poll(): void {
    if (session.status === 'active' && msSinceActivity() < activeWithinMs) void sync.refresh()
  }

  // Right away when the shell opens or the screen is unlocked.
  watch(
    () => session.status,
    (status) => {
      if (status === 'active') void sync.refresh()
    },
    { immediate: true },
  )

  onMounted(() => {
    timer = setInterval(poll, pollEveryMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
}
