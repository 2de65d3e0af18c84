import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatAddress } from '../../src-shared/accounts/domain'
import { formatPhone, normalizePhone } from '../../src-shared/accounts/phone'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import { validate } from '../../src-shared/api/validation'
import {
  balanceOf,
  balancesBySupplierService,
  type LedgerKind,
} from '../../src-shared/balances/ledger'
import { nextVerificationDate, verificationStatus } from '../../src-shared/meters/verification'
import { accountInput } from '../support/temp-app'

describe('meter verification status', () => {
  it.each([
    ['2030-01-01', '2026-11-20', 'valid'],
    ['2027-02-21', '2026-11-20', 'valid'],
    ['2027-02-20', '2026-11-20', 'due'],
    ['2026-12-01', '2026-11-20', 'due'],
    ['2026-11-21', '2026-11-20', 'due'],
    ['2026-11-20', '2026-11-20', 'expired'],
    ['2020-05-01', '2026-11-20', 'expired'],
    [null, '2026-11-20', 'expired'],
  ] as const)('next verification %s, today %s: %s', (next, today, expected) => {
    expect(verificationStatus(next, today)).toBe(expected)
  })

  it.each([
    ['2010-03-15', 16, '2026-03-15'],
    ['2020-02-29', 6, '2026-02-28'],
    ['2024-01-31', 1, '2025-01-31'],
  ])('verified %s with an interval of %i years: next %s', (verified, years, expected) => {
    expect(nextVerificationDate(verified, years)).toBe(expected)
  })
})

describe('phone numbers', () => {
  it.each([
    ['8 (916) 123-45-67', '+79161234567'],
    ['+7 916 123 45 67', '+79161234567'],
    ['79161234567', '+79161234567'],
    ['9161234567', '+79161234567'],
    ['123-45-67', null],
    ['+1 916 123 45 67', null],
    ['', null],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected)
  })

  it('prints as +7 (XXX) XXX-XX-XX', () => {
    expect(formatPhone('+79161234567')).toBe('+7 (916) 123-45-67')
  })
})

describe('the ledger balance', () => {
  it.each([
    [[], 0],
    [[{ kind: 'opening', amount: 10_000 }], 10_000],
    [
      [
        { kind: 'charge', amount: 150_050 },
        { kind: 'payment', amount: 150_050 },
      ],
      0,
    ],
    [
      [
        { kind: 'charge', amount: 100_00 },
        { kind: 'payment', amount: 150_00 },
      ],
      -50_00,
    ],
    [
      [
        { kind: 'charge', amount: 100_00 },
        { kind: 'payment', amount: 100_00 },
        { kind: 'cancellation', amount: 100_00 },
      ],
      100_00,
    ],
    [
      [
        { kind: 'recalculation', amount: -30_00 },
        { kind: 'penalty', amount: 1_37 },
      ],
      -28_63,
    ],
  ] as [{ kind: LedgerKind; amount: number }[], number][])(
    '%j -> %i kopecks',
    (entries, expected) => {
      expect(balanceOf(entries)).toBe(expected)
    },
  )

  it('refuses amounts that are not whole kopecks', () => {
    expect(() => balanceOf([{ kind: 'charge', amount: 10.5 }])).toThrow(/integer kopecks/)
  })

  it('equals the signed sum of any sequence of movements, also split by supplier and service', () => {
    const kinds: LedgerKind[] = [
      'opening',
      'charge',
      'recalculation',
      'penalty',
      'payment',
      'cancellation',
    ]
    const entry = fc.record({
      kind: fc.constantFrom(...kinds),
      supplierId: fc.constantFrom('s1', 's2'),
      service: fc.constantFrom('electricity' as const, 'heating' as const),
      amount: fc.integer({ min: 0, max: 10_000_000 }),
    })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
        const expected = entries.reduce(
          (sum, e) => sum + (e.kind === 'payment' ? -e.amount : e.amount),
          0,
        )
        expect(balanceOf(entries)).toBe(expected)
        const split = balancesBySupplierService(entries).reduce((sum, b) => sum + b.balance, 0)
        expect(split).toBe(expected)
      }),
    )
  })
})

describe('registering an account: every bad field gets a Russian message naming it', () => {
  const errorsOf = (overrides: Parameters<typeof accountInput>[0]) => {
    const result = validate(registerAccountSchema, accountInput(overrides))
    return result.ok ? {} : (result.error.fields ?? {})
  }

  it('accepts a correct account and normalises what was typed', () => {
    const result = validate(registerAccountSchema, accountInput())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.holder.phone).toBe('+79161234567')
    expect(result.value.totalArea).toBe('54.3')
  })

  it.each([
    [
      { number: '12345' },
      'number',
      'Номер лицевого счета: от 6 до 12 цифр, впереди допускаются до трех букв',
    ],
    [
      { number: '12-345678' },
      'number',
      'Номер лицевого счета: от 6 до 12 цифр, впереди допускаются до трех букв',
    ],
    [{ els: '123' }, 'els', 'ЕЛС: ровно 10 символов: цифры и буквы'],
    [{ holder: { lastName: '', firstName: 'Иван' } }, 'holder.lastName', 'Фамилия: не заполнено'],
    [
      { holder: { lastName: 'Иванов', firstName: 'Иван', phone: '12345' } },
      'holder.phone',
      'Телефон: нужен номер из 10 цифр после +7',
    ],
    [
      { holder: { lastName: 'Иванов', firstName: 'Иван', email: 'ivanov@' } },
      'holder.email',
      'Эл. почта: неверный адрес',
    ],
    [{ totalArea: '0' }, 'totalArea', 'Общая площадь: должна быть больше нуля'],
    [{ totalArea: '54,333' }, 'totalArea', 'Общая площадь: число, до двух знаков после запятой'],
    [
      { totalArea: '40', livingArea: '41' },
      'livingArea',
      'Жилая площадь: не может быть больше общей',
    ],
    [{ residents: -1 }, 'residents', 'Проживающих: не меньше 0'],
    [{ residents: 1.5 }, 'residents', 'Проживающих: целое число'],
    [{ services: [] }, 'services', 'Услуги: выберите хотя бы одну услугу'],
  ] as [Parameters<typeof accountInput>[0], string, string][])(
    '%j',
    (overrides, field, message) => {
      expect(errorsOf(overrides)[field]).toBe(message)
    },
  )

  it('formats the address as on a bill', () => {
    expect(
      formatAddress({
        region: 'Тверская обл.',
        settlement: 'г. Конаково',
        street: 'ул. Ленина',
        house: '5',
        building: '1',
        flat: '12',
      }),
    ).toBe('Тверская обл., г. Конаково, ул. Ленина, д. 5, корп. 1, кв. 12')
  })
})
