import { describe, expect, it } from 'vitest'
import { validate } from '../../src-shared/api/validation'
import {
  closeAccountSchema,
  editAccountSchema,
  futureDateIssue,
  linkPersonSchema,
  recordConsentSchema,
} from '../../src-shared/accounts/change-schemas'
import { changedFields, fieldChanges } from '../../src-shared/accounts/changes'
import { checkFinalReadings, type ClosingMeter } from '../../src-shared/accounts/final-readings'
import { accountNumberIssue } from '../../src-shared/accounts/number-format'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import { accountInput } from '../support/temp-app'

const fieldsOf = (schema: Parameters<typeof validate>[0], input: unknown) => {
  const result = validate(schema, input)
  return result.ok ? {} : (result.error.fields ?? {})
}

describe('registration fields not covered by the basic table', () => {
  it.each([
    [{ rooms: -1 }, 'rooms', 'Комнат: не меньше 0'],
    [{ rooms: 2.5 }, 'rooms', 'Комнат: целое число'],
    [{ els: '1234567890A' }, 'els', 'ЕЛС: ровно 10 символов: цифры и буквы'],
    [{ els: '12345-7890' }, 'els', 'ЕЛС: ровно 10 символов: цифры и буквы'],
    [{ livingArea: '0' }, 'livingArea', 'Жилая площадь: должна быть больше нуля'],
    [{ totalArea: 'сорок' }, 'totalArea', 'Общая площадь: число, до двух знаков после запятой'],
    [
      { address: { region: 'Тверская обл.', settlement: '', street: 'ул. Ленина', house: '5' } },
      'address.settlement',
      'Населенный пункт: не заполнено',
    ],
    [
      {
        address: {
          region: 'Тверская обл.',
          settlement: 'г. Конаково',
          street: 'ул. Ленина',
          house: '',
        },
      },
      'address.house',
      'Дом: не заполнено',
    ],
    [
      { holder: { lastName: 'Иванов', firstName: 'Иван', phone: '+1 202 555 0100' } },
      'holder.phone',
      'Телефон: нужен номер из 10 цифр после +7',
    ],
    [
      {
        services: [
          { service: 'electricity', supplierId: 's' },
          { service: 'electricity', supplierId: 's' },
        ],
      },
      'services',
      'Услуги: каждая услуга только один раз',
    ],
  ] as [Parameters<typeof accountInput>[0], string, string][])('%j', (over, field, message) => {
    expect(fieldsOf(registerAccountSchema, accountInput(over))[field]).toBe(message)
  })

  it.each([
    ['8 (916) 123-45-67', '+79161234567'],
    ['+7 916 1234567', '+79161234567'],
    ['9161234567', '+79161234567'],
  ])('normalises the phone %s to %s', (typed, stored) => {
    const result = validate(
      registerAccountSchema,
      accountInput({ holder: { lastName: 'Иванов', firstName: 'Иван', phone: typed } }),
    )
    expect(result.ok && result.value.holder.phone).toBe(stored)
  })
})

describe('the company account number format', () => {
  const wide = { maxPrefixLetters: 3, minDigits: 6, maxDigits: 12 }
  const strict = { maxPrefixLetters: 0, minDigits: 10, maxDigits: 10 }
  it.each([
    ['7700000001', wide, null],
    ['ЭС00123456', wide, null],
    ['ABCD123456', wide, 'Номер лицевого счета: от 6 до 12 цифр, впереди допускается до 3 букв'],
    ['7700000001', strict, null],
    ['770000001', strict, 'Номер лицевого счета: 10 цифр, без букв'],
    ['Э770000001', strict, 'Номер лицевого счета: 10 цифр, без букв'],
    [
      'ЭЭ12345678',
      { maxPrefixLetters: 1, minDigits: 8, maxDigits: 8 },
      'Номер лицевого счета: 8 цифр, впереди допускается одна буква',
    ],
  ] as const)('%s with %j', (number, format, message) => {
    expect(accountNumberIssue(number, format)).toBe(message)
  })
})

describe('edit, person, consent and close arguments', () => {
  it.each([
    [
      { accountId: 'a', expectedVersion: 0, changes: {} },
      'expectedVersion',
      'Версия счета: не меньше 1',
    ],
    [
      { accountId: 'a', expectedVersion: 1, changes: { residents: -2 } },
      'changes.residents',
      'Проживающих: не меньше 0',
    ],
    [
      { accountId: 'a', expectedVersion: 1, changes: { totalArea: '30', livingArea: '31' } },
      'changes.livingArea',
      'Жилая площадь: не может быть больше общей',
    ],
    [
      {
        accountId: 'a',
        expectedVersion: 1,
        changes: { holder: { lastName: 'Иванов', firstName: 'Иван', email: 'x@' } },
      },
      'changes.holder.email',
      'Эл. почта: неверный адрес',
    ],
  ])('edit %j', (input, field, message) => {
    expect(fieldsOf(editAccountSchema, input)[field]).toBe(message)
  })

  it.each([
    [
      { accountId: 'a', relation: 'friend' },
      'relation',
      expect.stringMatching(/^Отношение к счету: /),
    ],
    [
      { accountId: 'a', relation: 'tenant', person: { lastName: '', firstName: 'Иван' } },
      'person.lastName',
      'Фамилия: не заполнено',
    ],
  ])('link person %j', (input, field, message) => {
    expect(fieldsOf(linkPersonSchema, input)[field]).toEqual(message)
  })

  it.each([
    [
      { accountId: 'a', kind: 'sms', given: true, date: '20.11.2026' },
      'date',
      'Дата согласия: укажите дату',
    ],
    [
      { accountId: 'a', kind: 'fax', given: true, date: '2026-11-20' },
      'kind',
      expect.stringMatching(/^Согласие: /),
    ],
  ])('consent %j', (input, field, message) => {
    expect(fieldsOf(recordConsentSchema, input)[field]).toEqual(message)
  })

  it.each([
    [{ reason: '  ' }, 'reason', 'Причина закрытия: не заполнено'],
    [{ date: '' }, 'date', 'Дата закрытия: укажите дату'],
    [
      { finalReadings: [{ meterId: 'm', zone: 'T1', value: '' }] },
      'finalReadings.0.value',
      'Конечные показания, строка 1, Конечное показание: не заполнено',
    ],
  ])('close %j', (over, field, message) => {
    const input = {
      accountId: 'a',
      expectedVersion: 1,
      date: '2026-11-19',
      reason: 'Выезд',
      finalReadings: [],
      ...over,
    }
    expect(fieldsOf(closeAccountSchema, input)[field]).toBe(message)
  })

  it.each([
    ['2026-11-20', '2026-11-20', null],
    ['2026-11-19', '2026-11-20', null],
    ['2026-11-21', '2026-11-20', 'не может быть позже сегодняшнего дня'],
  ])('date %s on %s', (date, today, issue) => {
    expect(futureDateIssue(date, today)).toBe(issue)
  })
})

describe('changed fields of an edit', () => {
  const before = registerAccountSchema.parse(accountInput())
  it('keeps only top-level fields that differ and lists leaf fields with old and new', () => {
    const changes = changedFields(before, {
      residents: 3,
      address: { ...before.address, flat: '14' },
      notes: 'Дверь со двора',
    })
    expect(changes).toEqual({ address: { ...before.address, flat: '14' }, notes: 'Дверь со двора' })
    expect(fieldChanges(before, changes)).toEqual([
      { field: 'address.flat', old: '12', new: '14' },
      { field: 'notes', old: null, new: 'Дверь со двора' },
    ])
  })
})

describe('final readings at move-out', () => {
  const meter: ClosingMeter = {
    id: 'm',
    serialNumber: '123',
    zones: 1,
    intDigits: 5,
    fracDigits: 1,
    transformationRatio: 2,
    previous: { T1: { value: 1000, date: '2026-10-20' } },
  }
  it.each([
    ['1100,5', '2026-11-19', { ok: true, value: 1100, consumption: 200 }],
    ['', '2026-11-19', 'Конечное показание (№ 123, T1): не заполнено'],
    ['999', '2026-11-19', 'Конечное показание (№ 123, T1): меньше предыдущего (1000)'],
    [
      '123456',
      '2026-11-19',
      expect.stringMatching(/^Конечное показание \(№ 123, T1\): 6 цифр до запятой/),
    ],
    [
      '1100',
      '2026-10-01',
      'Конечное показание (№ 123, T1): есть показание от 2026-10-20, позже даты закрытия',
    ],
  ] as const)('%s on %s', (value, date, expected) => {
    const result = checkFinalReadings([meter], [{ meterId: 'm', zone: 'T1', value }], date)
    if (typeof expected === 'object' && 'ok' in expected) {
      expect(result).toEqual({
        ok: true,
        readings: [
          {
            meterId: 'm',
            zone: 'T1',
            rawValue: value,
            value: expected.value,
            consumption: expected.consumption,
          },
        ],
      })
    } else {
      expect(result).toEqual({ ok: false, fields: { 'final.m.T1': expected } })
    }
  })
})
