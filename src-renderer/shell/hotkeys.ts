import { onBeforeUnmount, onMounted } from 'vue'
import { useRouter } from 'vue-router'
import { useAccountSearchStore } from '../accounts/search-store'
import { useSessionStore } from '../operators/session'

/** F2 or Ctrl+K; by physical key, so Ctrl+K also works with the Russian layout (Ctrl+Л). */
export function isSearchHotkey(event: KeyboardEvent): boolean {
  if (event.altKey || event.shiftKey) return false
  if (event.key === 'F2') return !event.ctrlKey && !event.metaKey
  return (event.ctrlKey || event.metaKey) && event.code === 'KeyK'
}

/** App-wide keys, registered on window by the shell. */
export function useGlobalHotkeys(): void {
  const router = useRouter()
  const search = useAccountSearchStore()
  const session = useSessionStore()

  function onKeydown(event: KeyboardEvent): void {
    if (session.status !== 'active' || !isSearchHotkey(event)) return
    event.preventDefault()
    search.requestFocus()
    if (router.currentRoute.value.name !== 'search') void router.push({ name: 'search' })
  }

  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}

/** Esc leaves a form screen (while the session is active and nothing else took the key). */
export function useEscapeBack(back: () => void): void {
  const session = useSessionStore()
  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || session.status !== 'active' || event.key !== 'Escape') return
    event.preventDefault()
    back()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
