// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { usePaymentStore } from '../../src-renderer/payments/payment-store'
import { useShiftsStore } from '../../src-renderer/shifts/store'
import { useRendererApp } from '../support/renderer-bridge'

const app = useRendererApp({ login: 'cashier', account: true }, async () => {
  expect(await useShiftsStore().open('0')).toBe(true)
})

async function pay(amount: string): Promise<string> {
  const payment = usePaymentStore()
  await payment.openPayment(app.accountId)
  payment.amounts = [amount]
  payment.cashGiven = amount
  await payment.record()
  expect(payment.saveError).toBeNull()
  return payment.recorded!.paymentId
}

describe("the payment store's history and cancellation", () => {
  it("lists the account's payments in a date range", async () => {
    const paymentId = await pay('300')
    const store = usePaymentStore()
    const all = await store.history({ accountId: app.accountId })
    expect(all.ok && all.value.map((l) => [l.id, l.amount, l.cancellation])).toEqual([
      [paymentId, 30_000, null],
    ])
    const before = await store.history({
      accountId: app.accountId,
      from: '2020-01-01',
      to: '2020-12-31',
    })
    expect(before.ok && before.value).toEqual([])
  })

  it("cancels a payment with a reason and a supervisor's login; without a reason it is refused", async () => {
    const paymentId = await pay('120,50')
    const store = usePaymentStore()
    const supervisor = { login: 'super', password: 'super-pass' }
    const noReason = await store.cancel({ paymentId, reason: '', supervisor })
    expect(!noReason.ok && noReason.error.fields?.reason).toMatch(/причин/u)

    const cancelled = await store.cancel({ paymentId, reason: 'Ошибка кассира', supervisor })
    expect(cancelled.ok).toBe(true)
    const history = await store.history({ accountId: app.accountId })
    expect(history.ok && history.value[0]?.cancellation?.reason).toBe('Ошибка кассира')
  })
})
