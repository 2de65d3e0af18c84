import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { isCalendarDate, isPeriod } from '../../src-shared/api/date-fields'
import { cleanTexts, textFault } from '../../src-shared/api/text-rules'
import { labelled, validate } from '../../src-shared/api/validation'
import { kopecksField } from '../../src-shared/money/amount-field'
import { operatorSaveSchema, tariffSetSchema } from '../../src-shared/settings/schemas'
import { paymentChannels } from '../../src-shared/payments/contract'

describe('text rules', () => {
  it.each([
    ['Иванов', null],
    ['строка\nвторая\tс табуляцией', null],
    ['Иван\u0000ов', 'control'],
    ['\u0007', 'control'],
    ['\u0085', 'control'],
    ['Иванов\u202Eвонави', 'bidi'],
    ['\u2067x\u2069', 'bidi'],
    ['\u200B', 'invisible'],
    ['\uFEFF', 'invisible'],
    [' \u200B\u200C ', 'invisible'],
    ['Ива\u200Bнов', null],
    ['   ', null],
    ['\uD800', 'malformed'],
    ['a\uDC00', 'malformed'],
    ['😀', null],
  ])('%j: %s', (text, fault) => {
    expect(textFault(text)).toBe(fault)
  })

  it('normalises every text to NFC and keeps a __proto__ key a plain key', () => {
    const input = JSON.parse('{"a":"Й","b":["ё"],"__proto__":{"x":1}}') as unknown
    const { value, issues } = cleanTexts(input)
    expect(issues).toEqual([])
    expect(value).toEqual({ a: 'Й', b: ['ё'], ['__proto__']: { x: 1 } })
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.hasOwn(value as object, '__proto__')).toBe(true)
  })

  it('names the field of a bad text at any depth', () => {
    const schema = z.object({
      holder: z.object({ lastName: labelled('Фамилия', z.string()) }),
    })
    expect(validate(schema, { holder: { lastName: 'Ив\u202Eанов' } })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Фамилия: недопустимый символ смены направления текста',
        fields: { 'holder.lastName': 'Фамилия: недопустимый символ смены направления текста' },
      },
    })
  })
})

describe('calendar dates and periods', () => {
  it.each(['2026-02-28', '2024-02-29', '1900-01-01', '2100-12-31'])('%s is a date', (text) => {
    expect(isCalendarDate(text)).toBe(true)
  })

  it.each([
    '2026-02-29',
    '2026-02-30',
    '2026-04-31',
    '0000-00-00',
    '9999-12-31',
    '2026-13-01',
    '2026-1-01',
  ])('%s is no date', (text) => {
    expect(isCalendarDate(text)).toBe(false)
  })

  it('2026-02 is a period', () => {
    expect(isPeriod('2026-02')).toBe(true)
  })

  it.each(['2026-00', '2026-13', '0000-01', '2026-2'])('%s is no period', (text) => {
    expect(isPeriod(text)).toBe(false)
  })

  it.each([
    ['2027-02-30', 'Действует с: такой даты нет'],
    ['9999-12-31', 'Действует с: год от 1900 до 2100'],
    ['31.12.2026', 'Действует с: дата в виде ГГГГ-ММ-ДД'],
  ])('a tariff valid from %s is refused: %s', (validFrom, message) => {
    const result = validate(tariffSetSchema, {
      supplierId: 's',
      service: 'electricity',
      tariffGroup: 'urban_gas',
      zone: 'T1',
      validFrom,
      rate: '5,20',
    })
    expect(result.ok ? null : result.error.fields?.validFrom).toBe(message)
  })
})

describe('messages', () => {
  const schema = z.object({
    name: labelled('Имя', z.string().min(2)),
    count: labelled('Количество', z.number().int().max(10)),
    kind: labelled('Вид', z.enum(['a', 'b'])),
    flag: labelled('Флаг', z.boolean()),
    accountId: z.string().min(1),
    lines: labelled('Строки', z.array(z.object({ amount: kopecksField('Сумма') }))),
    limit: z.number().int(),
  })
  const good = { name: 'Ив', count: 1, kind: 'a', flag: true, accountId: 'a', lines: [], limit: 5 }

  it.each([
    [{ name: null }, 'name', 'Имя: не заполнено'],
    [{ name: 5 }, 'name', 'Имя: нужен текст'],
    [{ name: 'И' }, 'name', 'Имя: не короче 2 символов'],
    [{ count: 'x' }, 'count', 'Количество: нужно число'],
    [{ count: 1.5 }, 'count', 'Количество: нужно целое число'],
    [{ count: 11 }, 'count', 'Количество: не больше 10'],
    [{ kind: 'c' }, 'kind', 'Вид: выберите из списка'],
    [{ flag: 'да' }, 'flag', 'Флаг: нужно «да» или «нет»'],
    [{ accountId: '' }, 'accountId', 'Счет не найден'],
    [{ accountId: 7 }, 'accountId', 'Счет не найден'],
    [{ limit: -0.5 }, 'limit', 'Количество строк: нужно целое число'],
    [{ lines: {} }, 'lines', 'Строки: нужен список'],
    [
      { lines: [{ amount: 9e15 }] },
      'lines.0.amount',
      'Строки, строка 1, Сумма: не больше 100 000 000 руб.',
    ],
    [
      { lines: [{ amount: -1 }] },
      'lines.0.amount',
      'Строки, строка 1, Сумма: сумма не может быть отрицательной',
    ],
  ])('%j: %s', (change, field, message) => {
    const result = validate(schema, { ...good, ...change })
    expect(result.ok ? null : result.error.fields?.[field]).toBe(message)
  })

  it('says «Платеж не найден» for a payment id and caps the cash given', () => {
    const cancel = validate(paymentChannels['payments.cancel'].input, {
      paymentId: null,
      reason: 'ошибка',
    })
    expect(cancel.ok ? null : cancel.error.fields).toEqual({ paymentId: 'Платеж не найден' })
    const record = validate(paymentChannels['payments.record'].input, {
      accountId: 'a',
      lines: [{ supplierId: 's', service: 'electricity', amount: 100 }],
      method: 'cash',
      cashGiven: 9e15,
    })
    expect(record.ok ? null : record.error.fields).toEqual({
      cashGiven: 'Получено наличными: не больше 100 000 000 руб.',
    })
  })

  it.each(['__proto__', 'constructor', '_x1', '.abc'])('refuses the login %s', (login) => {
    const result = validate(operatorSaveSchema, {
      operatorId: null,
      login,
      fullName: 'Иванов',
      role: 'admin',
      password: 'x'.repeat(12),
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.login).toMatch(/^Логин: /)
  })
})
