import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { BillingRunState } from '../../src-shared/billing/contract'
import { call } from '../api/client'

const pollMs = 500

/** The month before `today` (YYYY-MM-DD): the period usually closed. */
export function previousPeriod(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** The admin's period close on the central server: started here, its progress polled. */
export const useBillingRunStore = defineStore('billingRun', () => {
  const period = ref(previousPeriod(new Date().toISOString().slice(0, 10)))
  const state = shallowRef<BillingRunState | null>(null)
  const error = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null

  function stopPolling(): void {
    if (timer) clearTimeout(timer)
    timer = null
  }

  function follow(next: BillingRunState): void {
    state.value = next
    stopPolling()
    if (next.status === 'running') timer = setTimeout(() => void poll(), pollMs)
  }

  async function poll(): Promise<void> {
    timer = null
    const result = await call('billing.status', { period: period.value })
    if (result.ok) follow(result.value)
    else error.value = result.error.message
  }

  async function start(): Promise<void> {
    stopPolling()
    error.value = null
    state.value = null
    const result = await call('billing.run', { period: period.value })
    if (result.ok) follow(result.value)
    else error.value = result.error.message
  }

  return { period, state, error, start, stopPolling }
})
