// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { usePaymentStore } from '../../src-renderer/payments/payment-store'
import { useShiftsStore } from '../../src-renderer/shifts/store'
import { useRendererApp } from '../support/renderer-bridge'

const app = useRendererApp({ login: 'cashier', account: true })

describe('the shifts store', () => {
  it('opens a shift, whose X report counts a payment, and closes it with its Z report', async () => {
    const shifts = useShiftsStore()
    await shifts.load()
    expect([shifts.loaded, shifts.shift, shifts.report]).toEqual([true, null, null])
    expect(await shifts.open('1000')).toBe(true)
    expect(shifts.shift?.openingCash).toBe(100_000)
    expect(shifts.report?.report.kind).toBe('x')

    const payment = usePaymentStore()
    await payment.openPayment(app.accountId)
    payment.amounts = ['250']
    payment.cashGiven = '250'
    await payment.record()
    expect(payment.saveError).toBeNull()

    await shifts.showReport()
    expect(shifts.report?.report.expectedCash).toBe(125_000)
    shifts.countedCash = '1 250,00'
    expect(shifts.difference).toBe(0)
    expect(await shifts.close()).toBeNull()
    expect([shifts.shift, shifts.report?.report.kind, shifts.countedCash]).toEqual([null, 'z', ''])
    await shifts.load()
    expect(shifts.shift).toBeNull()
  })

  it('sends the cashier to the reason of a difference, then closes with it', async () => {
    const shifts = useShiftsStore()
    expect(await shifts.open('0')).toBe(true)
    shifts.countedCash = '10'
    expect(shifts.difference).toBe(1_000)
    expect(await shifts.close()).toBe('shift-difference-reason')
    expect(shifts.fieldErrors.differenceReason).toMatch(/[А-Яа-я]/u)
    expect(shifts.shift).not.toBeNull()
    shifts.differenceReason = 'Излишек в кассе'
    expect(await shifts.close()).toBeNull()
    expect(shifts.report?.report.kind).toBe('z')
  })

  it('names a mistyped amount in Russian and sends nothing; a second shift is refused', async () => {
    const shifts = useShiftsStore()
    expect(await shifts.open('много')).toBe(false)
    expect(shifts.error).toMatch(/[А-Яа-я]/u)
    await shifts.load()
    expect(shifts.shift).toBeNull()

    expect(await shifts.open('0')).toBe(true)
    expect(shifts.error).toBeNull()
    expect(await shifts.open('0')).toBe(false)
    expect(shifts.error).toMatch(/[А-Яа-я]/u)
    shifts.clear()
    expect([shifts.shift, shifts.loaded, shifts.error]).toEqual([null, false, null])
  })
})
