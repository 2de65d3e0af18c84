import { createRouter, createWebHashHistory } from 'vue-router'
import LoginView from './operators/LoginView.vue'
import { useSessionStore } from './operators/session-store'
import { useSyncStore } from './sync/store'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session. */
    public?: boolean
  }
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
        {
          path: 'search',
          name: 'search',
          component: () => import('./accounts/AccountSearchView.vue'),
        },
        {
          path: 'accounts/new',
          name: 'account-new',
          component: () => import('./accounts/AccountRegisterView.vue'),
        },
        {
          path: 'accounts/:id',
          name: 'account',
          component: () => import('./accounts/AccountCardView.vue'),
          props: true,
        },
        {
          path: 'accounts/:id/edit',
          name: 'account-edit',
          component: () => import('./accounts/AccountEditView.vue'),
          props: true,
        },
        {
          path: 'accounts/:id/readings',
          name: 'readings-entry',
          component: () => import('./readings/ReadingsEntryView.vue'),
          props: true,
        },
        {
          path: 'accounts/:id/payment',
          name: 'payment',
          component: () => import('./payments/PaymentView.vue'),
          props: true,
        },
        { path: 'shift', name: 'shift', component: () => import('./shifts/ShiftView.vue') },
        { path: 'sync', name: 'sync', component: () => import('./sync/SyncView.vue') },
        {
          path: 'notifications',
          name: 'notifications',
          component: () => import('./notifications/NotificationsView.vue'),
        },
        {
          path: 'follow-up',
          name: 'follow-up',
          component: () => import('./service-requests/FollowUpView.vue'),
        },
        {
          path: 'audit',
          name: 'audit',
          component: () => import('./audit/OperatorHistoryView.vue'),
        },
        {
          path: 'settings',
          name: 'settings',
          component: () => import('./settings/SettingsView.vue'),
        },
        { path: 'reports', name: 'reports', component: () => import('./reports/ReportsView.vue') },
        {
          path: 'bills',
          name: 'bill-batch',
          component: () => import('./documents/BillBatchView.vue'),
        },
        { path: 'about', name: 'about', component: () => import('./updates/AboutView.vue') },
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
