import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previousPeriod, useBillingRunStore } from '../../src-renderer/billing/store'
import { bridgeKey, type Bridge } from '../../src-shared/api/bridge'
import type { ApiResult } from '../../src-shared/api/result'
import type { BillingRunState } from '../../src-shared/billing/contract'

// The renderer's side only: main's and the server's answers (tested for real in
// test/billing/admin-run.sync.test.ts) come from this window's bridge, as the preload gives them.
const state = (over: Partial<BillingRunState>): BillingRunState => ({
  period: '2026-11',
  status: 'running',
  done: 0,
  total: 3,
  accounts: 0,
  chargeLines: 0,
  penaltyLines: 0,
  message: null,
  ...over,
})
let answers: ApiResult<BillingRunState>[] = []
const asked: { channel: string; input: unknown }[] = []
const bridge: Bridge = {
  invoke: (channel, input) => {
    asked.push({ channel, input })
    return Promise.resolve(
      answers.shift() ?? { ok: false, error: { code: 'internal', message: '' } },
    )
  },
}

beforeAll(() => {
  Object.assign(globalThis, { window: { [bridgeKey]: bridge } })
})
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'window')
})

async function settled(store: ReturnType<typeof useBillingRunStore>): Promise<void> {
  for (let i = 0; i < 100 && store.state?.status === 'running'; i++)
    await new Promise((r) => setTimeout(r, 50))
}

describe("the admin's period close store", () => {
  it.each([
    ['2026-12-06', '2026-11'],
    ['2027-01-15', '2026-12'],
  ])('on %s offers the period %s', (today, period) => {
    expect(previousPeriod(today)).toBe(period)
  })

  it('starts the close and follows its progress to the result', async () => {
    setActivePinia(createPinia())
    const store = useBillingRunStore()
    store.period = '2026-11'
    answers = [
      { ok: true, value: state({ done: 0 }) },
      { ok: true, value: state({ done: 2 }) },
      { ok: true, value: state({ status: 'closed', done: 3, accounts: 3, chargeLines: 7 }) },
    ]
    asked.length = 0
    await store.start()
    expect(store.state?.status).toBe('running')
    await settled(store)
    expect(store.state).toMatchObject({ status: 'closed', accounts: 3, chargeLines: 7 })
    expect(asked.map((a) => a.channel)).toEqual(['billing.run', 'billing.status', 'billing.status'])
    expect(asked.every((a) => (a.input as { period: string }).period === '2026-11')).toBe(true)
    expect(store.error).toBeNull()
  })

  it("shows the server's refusal as it says it", async () => {
    setActivePinia(createPinia())
    const store = useBillingRunStore()
    answers = [
      {
        ok: false,
        error: { code: 'conflict', message: 'Нет связи с центральным сервером. Повторите позже.' },
      },
    ]
    await store.start()
    expect(store.error).toBe('Нет связи с центральным сервером. Повторите позже.')
    expect(store.state).toBeNull()
  })
})
