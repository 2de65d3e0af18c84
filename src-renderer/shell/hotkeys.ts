import { onBeforeUnmount, onMounted } from 'vue'
import { useRouter } from 'vue-router'
import { useAccountSearchStore } from '../accounts/search-store'
import { useSessionStore } from '../operators/session-store'
import { cashDeskRoles } from '../../src-shared/payments/contract'
import type { Role } from '../../src-shared/operators/roles'
import { reportRoles } from '../../src-shared/reports/contract'

/** F2 or Ctrl+K; by physical key, so Ctrl+K also works with the Russian layout (Ctrl+Л). */
export function isSearchHotkey(event: KeyboardEvent): boolean {
  if (event.altKey || event.shiftKey) return false
  if (event.key === 'F2') return !event.ctrlKey && !event.metaKey
  return (event.ctrlKey || event.metaKey) && event.code === 'KeyK'
}

/**
 * The header's screens by key: F3 the shift, Alt+1..4 the icon buttons (by physical key, so
 * the Russian layout works too). The tooltips name them (shell.hotkeys).
 */
export const screenHotkeys = {
  shift: 'F3',
  notifications: 'Alt+1',
  audit: 'Alt+2',
  reports: 'Alt+3',
  settings: 'Alt+4',
} as const
export type HotkeyScreen = keyof typeof screenHotkeys

export function screenOfHotkey(event: KeyboardEvent): HotkeyScreen | null {
  if (event.ctrlKey || event.metaKey || event.shiftKey) return null
  if (event.key === 'F3' && !event.altKey) return 'shift'
  if (!event.altKey) return null
  const digit = /^Digit([1-4])$/.exec(event.code)?.[1]
  return digit
    ? (['notifications', 'audit', 'reports', 'settings'] as const)[Number(digit) - 1]!
    : null
}

/** App-wide keys, registered on window by the shell. */
export function useGlobalHotkeys(): void {
  const router = useRouter()
  const search = useAccountSearchStore()
  const session = useSessionStore()

  function mayOpen(screen: HotkeyScreen): boolean {
    const role = session.info?.role
    if (!role) return false
    if (screen === 'shift') return cashDeskRoles.includes(role)
    if (screen === 'reports') return (reportRoles as readonly Role[]).includes(role)
    return true
  }

  function onKeydown(event: KeyboardEvent): void {
    if (session.status !== 'active') return
    const screen = screenOfHotkey(event)
    if (screen && !event.defaultPrevented && mayOpen(screen)) {
      event.preventDefault()
      if (router.currentRoute.value.name !== screen) void router.push({ name: screen })
      return
    }
    if (!isSearchHotkey(event)) return
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
