import { describe, expect, it } from 'vitest'
import {
  optionalPhone,
  optionalText,
  requiredPhone,
  requiredText,
} from '../../src-shared/api/text-fields'

const outcome = (schema: { safeParse: (v: unknown) => unknown }, value: unknown) => {
  const r = schema.safeParse(value) as
    { success: true; data: unknown } | { success: false; error: { issues: { message: string }[] } }
  return r.success ? { data: r.data } : { error: r.error.issues[0]!.message }
}

describe('the shared text fields', () => {
  it.each([
    [requiredText('Улица'), '  Ленина ', { data: 'Ленина' }],
    [requiredText('Улица'), '   ', { error: 'не заполнено' }],
    [requiredText('Дом', 3), '1234', { error: 'не длиннее 3 символов' }],
    [optionalText('Корпус'), ' ', { data: null }],
    [optionalText('Корпус'), undefined, { data: null }],
    [optionalText('Корпус'), null, { data: null }],
    [optionalText('Корпус'), ' 2 ', { data: '2' }],
    [optionalText('Корпус', 2), '123', { error: 'не длиннее 2 символов' }],
    [requiredPhone('Контактный телефон'), '8 (903) 123-45-67', { data: '+79031234567' }],
    [requiredPhone('Контактный телефон'), '', { error: '10 цифр после +7 или 8' }],
    [optionalPhone('Телефон'), '', { data: null }],
    [optionalPhone('Телефон'), null, { data: null }],
    [optionalPhone('Телефон'), '+7 903 123 45 67', { data: '+79031234567' }],
    [optionalPhone('Телефон'), '12345', { error: '10 цифр после +7 или 8' }],
  ] as const)('case %#', (schema, value, expected) => {
    expect(outcome(schema, value)).toEqual(expected)
  })
})
