import type { Component } from 'vue'
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import LoginView from './operators/LoginView.vue'
import { useSessionStore } from './operators/session-store'
import { useSyncStore } from './sync/store'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session. */
    public?: boolean
  }
}

/** A screen under the shell's header, loaded when first visited; `props`: its params as props. */
function screen(
  path: string,
  name: string,
  component: () => Promise<Component>,
  props = false,
): RouteRecordRaw {
  return { path, name, component, props }
}

// Every screen but the login loads when first visited: the login paints from the entry chunk.
export const router = createRouter({
  // Hash history: the app is served from a custom protocol (Electron) or a static host.
  history: createWebHashHistory(),
  routes: [
    { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
    {
      path: '/setup',
      name: 'setup',
      component: () => import('./sync/SetupView.vue'),
      meta: { public: true },
    },
    {
      path: '/',
      component: () => import('./shell/ShellLayout.vue'),
      children: [
        { path: '', redirect: { name: 'search' } },
        screen('search', 'search', () => import('./accounts/AccountSearchView.vue')),
        screen('accounts/new', 'account-new', () => import('./accounts/AccountRegisterView.vue')),
        screen('accounts/:id', 'account', () => import('./accounts/AccountCardView.vue'), true),
        screen(
          'accounts/:id/edit',
          'account-edit',
          () => import('./accounts/AccountEditView.vue'),
          true,
        ),
        screen(
          'accounts/:id/readings',
          'readings-entry',
          () => import('./readings/ReadingsEntryView.vue'),
          true,
        ),
        screen('accounts/:id/payment', 'payment', () => import('./payments/PaymentView.vue'), true),
        screen('shift', 'shift', () => import('./shifts/ShiftView.vue')),
        screen('sync', 'sync', () => import('./sync/SyncView.vue')),
        screen(
          'notifications',
          'notifications',
          () => import('./notifications/NotificationsView.vue'),
        ),
        screen('follow-up', 'follow-up', () => import('./service-requests/FollowUpView.vue')),
        screen('audit', 'audit', () => import('./audit/OperatorHistoryView.vue')),
        screen('settings', 'settings', () => import('./settings/SettingsView.vue')),
        screen('reports', 'reports', () => import('./reports/ReportsView.vue')),
        screen('bills', 'bill-batch', () => import('./documents/BillBatchView.vue')),
        screen('about', 'about', () => import('./updates/AboutView.vue')),
      ],
    },
    { path: '/:rest(.*)*', redirect: { name: 'search' } },
  ],
})

/** A new workstation (empty, not registered) or one still on its first pull needs the wizard. */
async function setupPending(): Promise<boolean> {
  const result = await useSyncStore().setupState()
  return (
    result.ok && (result.value.needed || (result.value.configured && !result.value.bootstrapped))
  )
}

router.beforeEach(async (to) => {
  const session = useSessionStore()
  await session.ensureLoaded()
  if (session.loggedIn) return to.meta.public ? { name: 'search' } : true
  if (to.name === 'setup') return true
  if (await setupPending()) return { name: 'setup' }
  return to.meta.public ? true : { name: 'login' }
})
