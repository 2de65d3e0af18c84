// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { usePaymentStore } from '../../src-renderer/payments/payment-store'
import { useShiftsStore } from '../../src-renderer/shifts/store'
import { closeRendererApp, rendererApp } from '../support/renderer-bridge'

let accountId: string
beforeEach(async () => {
  ;({ accountId } = await rendererApp({ login: 'cashier', account: true }))
})
afterEach(closeRendererApp)

describe('the shifts store', () => {
  it('opens a shift, whose X report counts a payment, and closes it with its Z report', async () => {
    const shifts = useShiftsStore()
    expect(await shifts.current()).toEqual({ ok: true, value: null })
    const opened = await shifts.open(100_000)
    expect(opened.ok).toBe(true)
    const current = await shifts.current()
    expect(current.ok && current.value?.openingCash).toBe(100_000)

    const payment = usePaymentStore()
    await payment.openPayment(accountId)
    payment.amounts = ['250']
    payment.cashGiven = '250'
    await payment.record()
    expect(payment.saveError).toBeNull()

    const x = await shifts.report()
    expect(x.ok && [x.value.report.kind, x.value.report.expectedCash]).toEqual(['x', 125_000])

    const closed = await shifts.close({ countedCash: 125_000 })
    expect(closed.ok && closed.value.report.kind).toBe('z')
    expect(await shifts.current()).toEqual({ ok: true, value: null })
    const z = await shifts.report(closed.ok ? closed.value.shiftId : undefined)
    expect(z.ok && z.value.report.kind).toBe('z')
  })

  it('refuses a close with a cash difference and no reason, naming the field in Russian', async () => {
    const shifts = useShiftsStore()
    expect((await shifts.open(0)).ok).toBe(true)
    const refused = await shifts.close({ countedCash: 1_000 })
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error.fields?.differenceReason).toMatch(/[А-Яа-я]/u)
    const closed = await shifts.close({ countedCash: 1_000, differenceReason: 'Излишек в кассе' })
    expect(closed.ok).toBe(true)
  })

  it('refuses a second open shift', async () => {
    const shifts = useShiftsStore()
    expect((await shifts.open(0)).ok).toBe(true)
    const again = await shifts.open(0)
    expect(!again.ok && again.error.message).toMatch(/[А-Яа-я]/u)
  })
})
