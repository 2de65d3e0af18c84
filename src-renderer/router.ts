import { createRouter, createWebHashHistory } from 'vue-router'
import AccountCardView from './accounts/AccountCardView.vue'
import AccountEditView from './accounts/AccountEditView.vue'
import AccountRegisterView from './accounts/AccountRegisterView.vue'
import AccountSearchView from './accounts/AccountSearchView.vue'
import AlertsView from './alerts/AlertsView.vue'
import OperatorHistoryView from './history/OperatorHistoryView.vue'
import LoginView from './operators/LoginView.vue'
import { useSessionStore } from './operators/session'
import PaymentView from './payments/PaymentView.vue'
import ReadingsEntryView from './readings/ReadingsEntryView.vue'
import ReferenceView from './reference/ReferenceView.vue'
import ReportsView from './reports/ReportsView.vue'
import ShiftView from './shifts/ShiftView.vue'
import { call } from './api/client'
import ShellLayout from './shell/ShellLayout.vue'
import SetupView from './sync/SetupView.vue'
import SyncView from './sync/SyncView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session. */
    public?: boolean
  }
}

export const router = createRouter({
  // Hash history: the app is served from a custom protocol (Electron) or a static host.
  history: createWebHashHistory(),
  routes: [
    { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
    { path: '/setup', name: 'setup', component: SetupView, meta: { public: true } },
    {
      path: '/',
      component: ShellLayout,
      children: [
        { path: '', redirect: { name: 'search' } },
        { path: 'search', name: 'search', component: AccountSearchView },
        { path: 'accounts/new', name: 'account-new', component: AccountRegisterView },
        { path: 'accounts/:id', name: 'account', component: AccountCardView, props: true },
        {
          path: 'accounts/:id/edit',
          name: 'account-edit',
          component: AccountEditView,
          props: true,
        },
        {
          path: 'accounts/:id/readings',
          name: 'readings-entry',
          component: ReadingsEntryView,
          props: true,
        },
        { path: 'accounts/:id/payment', name: 'payment', component: PaymentView, props: true },
        { path: 'shift', name: 'shift', component: ShiftView },
        { path: 'sync', name: 'sync', component: SyncView },
        { path: 'alerts', name: 'alerts', component: AlertsView },
        { path: 'history', name: 'history', component: OperatorHistoryView },
        { path: 'reference', name: 'reference', component: ReferenceView },
        { path: 'reports', name: 'reports', component: ReportsView },
      ],
    },
    { path: '/:rest(.*)*', redirect: { name: 'search' } },
  ],
})

/** A new workstation (empty, not registered) or one still on its first pull needs the wizard. */
async function setupPending(): Promise<boolean> {
  const result = await call('setup.state', {})
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
