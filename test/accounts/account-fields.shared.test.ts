import { describe, expect, it } from 'vitest'
import { formatAddress } from '../../src-shared/accounts/domain'
import { formatPhone, normalizePhone } from '../../src-shared/accounts/phone'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import { validate } from '../../src-shared/api/validation'
import { accountInput } from '../support/temp-app'

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
