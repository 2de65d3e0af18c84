import { describe, expect, it } from 'vitest'
import { cashChange } from '../../src-shared/payments/change'

describe('change for cash handed over', () => {
  it.each([
    [123_456, 123_456, 0],
    [123_456, 150_000, 26_544],
    [99, 100, 1],
    [0, 500, 500],
  ])('total %i, given %i: change %i', (total, given, change) => {
    expect(cashChange(total, given)).toEqual({ ok: true, change })
  })

  it.each([
    [123_456, 123_455, 'Внесено меньше суммы к оплате: не хватает 0,01\u00a0₽'],
    [500_000, 100_000, 'Внесено меньше суммы к оплате: не хватает 4\u00a0000,00\u00a0₽'],
  ])('total %i, given %i: refused', (total, given, message) => {
    expect(cashChange(total, given)).toEqual({ ok: false, code: 'not_enough', message })
  })

  it('refuses amounts that are not kopecks', () => {
    expect(() => cashChange(100.5, 200)).toThrow(/kopecks/)
  })
})
