import { describe, expect, it } from 'vitest'
import { electricitySupplier, heatSupplier } from '../../src-demo/reference'
import {
  bankAccountValid,
  correspondentAccountValid,
  innWithCheck,
  ogrnWithCheck,
} from '../../src-demo/requisites'

describe('supplier requisites pass the checks a bank or a QR reader makes', () => {
  it.each([
    ['electricity', electricitySupplier],
    ['heat', heatSupplier],
  ])('%s supplier', (_name, s) => {
    expect(s.inn).toMatch(/^\d{10}$/)
    expect(innWithCheck(s.inn.slice(0, 9))).toBe(s.inn)
    expect(s.kpp).toMatch(/^\d{9}$/)
    expect(s.ogrn).toMatch(/^\d{13}$/)
    expect(ogrnWithCheck((s.ogrn as string).slice(0, 12))).toBe(s.ogrn)
    expect(s.bic).toMatch(/^\d{9}$/)
    expect(bankAccountValid(s.bankAccount, s.bic)).toBe(true)
    expect(correspondentAccountValid(s.correspondentAccount, s.bic)).toBe(true)
  })

  it('computes check digits as published examples do', () => {
    // Sberbank's own INN and OGRN.
    expect(innWithCheck('770708389')).toBe('7707083893')
    expect(ogrnWithCheck('102770013219')).toBe('1027700132195')
  })
})
