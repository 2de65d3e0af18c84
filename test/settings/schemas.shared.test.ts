import { describe, expect, it } from 'vitest'
import type { ZodType } from 'zod'
import { validate } from '../../src-shared/api/validation'
import {
  correspondentAccountMatchesBic,
  innValid,
  settlementAccountMatchesBic,
} from '../../src-shared/settings/requisites'
import {
  operatorSaveSchema,
  rateMillikopecks,
  settingSetSchema,
  supplierSaveSchema,
  tariffSetSchema,
} from '../../src-shared/settings/schemas'
import { sberbank } from './support/requisites'

/**
 * Each case changes one field of a valid `base`: the schema refuses it, naming that field with
 * the message the clerk reads.
 */
function itRefusesEachField(schema: ZodType, base: object, cases: [string, string, string][]) {
  it.each(cases)('%s = %j: %s', (field, value, message) => {
    const r = validate(schema, { ...base, [field]: value })
    expect(r.ok ? null : r.error.fields?.[field]).toBe(message)
  })
}

describe('requisites check digits', () => {
  it.each([
    ['7707083893', true],
    ['7707083894', false],
    ['500100732259', true],
    ['500100732258', false],
    ['77070838', false],
    ['770708389a', false],
  ])('INN %s valid: %s', (inn, ok) => expect(innValid(inn)).toBe(ok))

  it.each([
    ['40702810038000017240', '044525225', true],
    ['40702810038000017241', '044525225', false],
    ['40702810563000001234', '042809679', true],
    ['4070281003800001724', '044525225', false],
  ])('settlement account %s with BIC %s: %s', (account, bic, ok) =>
    expect(settlementAccountMatchesBic(account, bic)).toBe(ok),
  )

  it.each([
    ['30101810400000000225', '044525225', true],
    ['30101810400000000226', '044525225', false],
  ])('correspondent account %s with BIC %s: %s', (account, bic, ok) =>
    expect(correspondentAccountMatchesBic(account, bic)).toBe(ok),
  )
})

describe('supplier.save arguments', () => {
  it('takes well-formed requisites and turns blanks into nulls', () => {
    const r = validate(supplierSaveSchema, { ...sberbank, ogrn: '', phone: '', email: ' ' })
    expect(r.ok && r.value).toMatchObject({
      supplierId: null,
      ogrn: null,
      phone: null,
      email: null,
    })
  })

  itRefusesEachField(supplierSaveSchema, sberbank, [
    ['inn', '7707083894', 'ИНН: неверное контрольное число, проверьте цифры'],
    ['inn', '123', 'ИНН: 10 цифр (организация) или 12 (ИП)'],
    ['kpp', '77360100', 'КПП: 9 знаков'],
    ['bic', '04452522', 'БИК: ровно 9 цифр'],
    ['bankAccount', '4070281003800001724', 'Расчетный счет: ровно 20 цифр'],
    [
      'bankAccount',
      '40702810038000017241',
      'Расчетный счет: не сходится с БИК банка, проверьте цифры',
    ],
    [
      'correspondentAccount',
      '30101810400000000226',
      'Корр. счет: не сходится с БИК банка, проверьте цифры',
    ],
    ['name', '  ', 'Полное наименование: не заполнено'],
    ['phone', '12345', 'Телефон: 10 цифр после +7 или 8'],
    ['email', 'mail.ru', 'Эл. почта: адрес вида имя@домен.ru'],
    ['ogrn', '123', 'ОГРН: 13 цифр (организация) или 15 (ИП)'],
  ])
})

const tariff = {
  supplierId: 's1',
  service: 'electricity',
  tariffGroup: 'urban_gas',
  zone: 'T1',
  validFrom: '2027-01-01',
  rate: '6,12',
}

describe('tariff.set arguments', () => {
  it.each([
    ['6,12', '6.12', 612_000],
    ['4.63000', '4.63000', 463_000],
    [' 0,00001 ', '0.00001', 1],
    ['2 345,5', '2345.5', 234_550_000],
  ])('rate %j is %s roubles = %i millikopecks', (typed, normalised, mk) => {
    const r = validate(tariffSetSchema, { ...tariff, rate: typed })
    expect(r.ok && r.value.rate).toBe(normalised)
    expect(rateMillikopecks(normalised)).toBe(mk)
  })

  itRefusesEachField(tariffSetSchema, tariff, [
    ['rate', '6,123456', 'Ставка, руб.: число, не больше 5 знаков после запятой'],
    ['rate', '0', 'Ставка, руб.: должна быть больше нуля'],
    ['rate', 'шесть', 'Ставка, руб.: число, не больше 5 знаков после запятой'],
    ['validFrom', '2027-02-30', 'Действует с: такой даты нет'],
    ['validFrom', '01.01.2027', 'Действует с: дата в виде ГГГГ-ММ-ДД'],
    ['zone', 'T4', 'Зона: не выбрана'],
    ['supplierId', '', 'Поставщик: не выбран'],
  ])
})

describe('operator.save arguments', () => {
  const op = {
    login: 'Petrova',
    fullName: 'Петрова Анна',
    role: 'clerk',
    officeId: 'o1',
    password: 'secret1',
  }
  it('lower-cases the login', () => {
    const r = validate(operatorSaveSchema, op)
    expect(r.ok && r.value.login).toBe('petrova')
  })
  it.each([
    [{ password: '' }, 'password', 'Пароль: не заполнено'],
    [{ password: 'x'.repeat(201) }, 'password', 'Пароль: не длиннее 200 символов'],
    [{ officeId: null }, 'officeId', 'Офис: не выбран'],
    [
      { login: 'ив' },
      'login',
      'Логин: от 3 до 50 латинских букв, цифр и знаков . _ -, первой буква или цифра',
    ],
    [{ role: 'boss' }, 'role', 'Роль: не выбрана'],
  ])('%j: %s', (change, field, message) => {
    const r = validate(operatorSaveSchema, { ...op, ...change })
    expect(r.ok ? null : r.error.fields?.[field]).toBe(message)
  })
  it('an edit keeps the password when none is typed; an admin needs no office', () => {
    const r = validate(operatorSaveSchema, {
      ...op,
      operatorId: 'op1',
      password: '',
      role: 'admin',
      officeId: null,
    })
    expect(r.ok).toBe(true)
  })
})

describe('setting.set arguments', () => {
  it.each([
    [{ key: 'debtAlertThreshold', value: 300_000 }, true, null],
    [{ key: 'receiptPrinter', value: 'EPSON TM-T20' }, true, null],
    [
      { key: 'debtAlertThreshold', value: -1 },
      false,
      'Порог долга для предупреждения: сумма не может быть отрицательной',
    ],
    [
      { key: 'debtAlertThreshold', value: 'много' },
      false,
      'Порог долга для предупреждения: введите сумму',
    ],
    [{ key: 'screenLockMinutes', value: 5 }, true, null],
    [{ key: 'screenLockMinutes', value: 0 }, false, 'Блокировка экрана через, мин: не меньше 1'],
    [{ key: 'shiftDifferenceSupervisorThreshold', value: 50_000 }, true, null],
    // Not an admin's setting on this screen.
    [{ key: 'officeTimeZone', value: 'Europe/Moscow' }, false, null],
  ])('%j', (input, ok, message) => {
    const r = validate(settingSetSchema, { ...input, validFrom: '2027-01-01' })
    expect(r.ok).toBe(ok)
    if (message) expect(r.ok ? null : r.error.fields?.value).toBe(message)
  })
})
