import { describe, expect, it } from 'vitest'
import { validate } from '../../src-shared/api/validation'
import {
  installMeterSchema,
  removeMeterSchema,
  replaceMeterSchema,
  type NewMeterInput,
  type OldMeterFacts,
} from '../../src-shared/meters/schemas'
import { typedMeter } from './support/typed-meter'

const today = '2026-11-20'

/** The meter as typed, with the spaces and two seals the schema normalises. */
const typed = (overrides: Record<string, unknown> = {}): NewMeterInput =>
  typedMeter({
    model: 'Меркурий  201.8',
    serialNumber: ' 41234567 ',
    seals: '1234567, 7654321',
    initialReadings: { T1: '00012,3', T2: '5' },
    ...overrides,
  })

const install = (overrides: Record<string, unknown> = {}) =>
  validate(installMeterSchema({ today }), { accountId: 'a1', meter: typed(overrides) })

describe('meter.install arguments', () => {
  it('reads what was typed: numbers, seals, trimmed text, only the meter zones', () => {
    const result = install({ initialReadings: { T1: '12,3', T2: '5', T3: '77' } })
    expect(result).toMatchObject({
      ok: true,
      value: {
        meter: {
          model: 'Меркурий 201.8',
          serialNumber: '41234567',
          zones: 2,
          intDigits: 6,
          fracDigits: 1,
          phases: 1,
          seals: ['1234567', '7654321'],
          initialReadings: { T1: '12,3', T2: '5' },
        },
      },
    })
    if (result.ok) expect(result.value.meter.initialReadings).not.toHaveProperty('T3')
  })

  it.each([
    ['ВЭ 1234567', ['ВЭ 1234567']],
    ['ВЭ  1234567, АБ 7654321', ['ВЭ 1234567', 'АБ 7654321']],
    ['0012345\n0012346;0012347', ['0012345', '0012346', '0012347']],
    [' , ВЭ 1 ,', ['ВЭ 1']],
  ])('seals %j are %j: a space never splits a seal', (typedSeals, seals) => {
    const result = install({ seals: typedSeals })
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value.meter.seals).toEqual(seals)
  })

  it('parses its own output again (the server re-validates the recorded args)', () => {
    const first = install()
    if (!first.ok) throw new Error(first.error.message)
    expect(validate(installMeterSchema({ today }), first.value)).toEqual(first)
  })

  it.each([
    ['intDigits', '0', 'meter.intDigits', 'Знаков до запятой: от 1 до 9'],
    ['intDigits', '10', 'meter.intDigits', 'Знаков до запятой: от 1 до 9'],
    ['intDigits', 'шесть', 'meter.intDigits', 'Знаков до запятой: введите целое число'],
    ['fracDigits', '4', 'meter.fracDigits', 'Знаков после запятой: от 0 до 3'],
    ['zones', '4', 'meter.zones', 'Тарифность (зон): от 1 до 3'],
    ['zones', '', 'meter.zones', 'Тарифность (зон): не заполнено'],
    [
      'transformationRatio',
      '0',
      'meter.transformationRatio',
      'Коэффициент трансформации: от 1 до 10000',
    ],
    ['phases', '2', 'meter.phases', 'Фазность: однофазный (1) или трехфазный (3)'],
    ['accuracyClass', '7,77', 'meter.accuracyClass', 'Класс точности: например 1,0 или 0,5S'],
    [
      'serialNumber',
      '12',
      'meter.serialNumber',
      'Заводской номер: от 3 до 30 символов: цифры, буквы, дефис',
    ],
    ['model', '  ', 'meter.model', 'Модель: не заполнено'],
    ['service', 'gas', 'meter.service', 'Услуга: выберите услугу'],
    [
      'installedAt',
      '2026-11-21',
      'meter.installedAt',
      'Дата установки: не может быть позже сегодняшнего дня',
    ],
    ['installedAt', '', 'meter.installedAt', 'Дата установки: не заполнено'],
    ['installedAt', '2026-02-30', 'meter.installedAt', 'Дата установки: неверная дата'],
    [
      'verifiedAt',
      '2027-01-01',
      'meter.verifiedAt',
      'Дата последней поверки: не может быть позже сегодняшнего дня',
    ],
    [
      'verificationIntervalYears',
      '40',
      'meter.verificationIntervalYears',
      'Межповерочный интервал, лет: от 1 до 32',
    ],
    [
      'seals',
      '12 34, 56@',
      'meter.seals.1',
      'Пломбы, строка 2: номер пломбы: до 24 цифр и букв, пломбы разделяются запятой',
    ],
  ])('%s = %j: %s', (field, value, key, message) => {
    const result = install({ [field]: value })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.[key]).toBe(message)
  })

  it.each([
    [{ T1: '', T2: '5' }, 'meter.initialReadings.T1', 'Начальное показание T1: введите показание'],
    [
      { T1: '1234567', T2: '5' },
      'meter.initialReadings.T1',
      /^Начальное показание T1: 7 цифр до запятой, а у счетчика 6/,
    ],
    [
      { T1: '1,25', T2: '5' },
      'meter.initialReadings.T1',
      /^Начальное показание T1: 2 знака после запятой, а у счетчика 1/,
    ],
    [
      { T1: '1', T2: '-5' },
      'meter.initialReadings.T2',
      'Начальное показание T2: показание не может быть отрицательным',
    ],
    [{ T1: '1' }, 'meter.initialReadings.T2', 'Начальное показание T2: введите показание'],
  ])('initial readings %j: %s', (readings, key, message) => {
    const result = install({ initialReadings: readings })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.[key]).toMatch(message)
  })

  it('checks dates against today only when today is given (shape-only contract)', () => {
    const input = { accountId: 'a1', meter: typed({ installedAt: '2030-01-01' }) }
    expect(validate(installMeterSchema(), input).ok).toBe(true)
    expect(validate(installMeterSchema({ today }), input).ok).toBe(false)
  })
})

const old: OldMeterFacts = {
  zones: 2,
  intDigits: 5,
  fracDigits: 0,
  installedAt: '2015-05-01',
  previous: { T1: { date: '2026-10-20', value: 10_450 }, T2: { date: '2026-10-20', value: 5_200 } },
}

describe('meter.replace arguments', () => {
  const replace = (finalReadings: Record<string, string>, meter: Record<string, unknown> = {}) =>
    validate(replaceMeterSchema({ today, old }), {
      accountId: 'a1',
      meterId: 'm1',
      finalReadings,
      meter: typed(meter),
    })

  it('takes the final reading of each old zone and the new meter', () => {
    const result = replace({ T1: '10600', T2: '5260', T3: '1' })
    expect(result).toMatchObject({
      ok: true,
      value: { finalReadings: { T1: '10600', T2: '5260' } },
    })
  })

  it.each([
    [
      { T1: '10400', T2: '5260' },
      {},
      'finalReadings.T1',
      'Конечное показание T1: меньше предыдущего показания 10450 от 20.10.2026',
    ],
    [
      { T1: '106000', T2: '5260' },
      {},
      'finalReadings.T1',
      /^Конечное показание T1: 6 цифр до запятой, а у счетчика 5/,
    ],
    [{ T1: '10600' }, {}, 'finalReadings.T2', 'Конечное показание T2: введите показание'],
    [
      { T1: '10600', T2: '5260' },
      { installedAt: '2026-10-19' },
      'meter.installedAt',
      'Дата установки: не раньше последнего показания (20.10.2026)',
    ],
  ])('final %j, new %j: %s', (finals, meter, key, message) => {
    const result = replace(finals, meter)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.[key]).toMatch(message)
  })
})

describe('meter.remove arguments', () => {
  const remove = (overrides: Record<string, unknown>) =>
    validate(removeMeterSchema({ today, old }), {
      accountId: 'a1',
      meterId: 'm1',
      removedAt: '2026-11-20',
      finalReadings: { T1: '10600', T2: '5260' },
      reason: 'Истек срок поверки',
      ...overrides,
    })

  it('accepts a final reading at or above the previous one', () => {
    expect(remove({ finalReadings: { T1: '10450', T2: '05300' } }).ok).toBe(true)
  })

  it.each([
    [{ reason: ' ' }, 'reason', 'Причина снятия: не заполнено'],
    [{ removedAt: '2026-11-21' }, 'removedAt', 'Дата снятия: не может быть позже сегодняшнего дня'],
    [
      { removedAt: '2026-10-01' },
      'removedAt',
      'Дата снятия: не раньше последнего показания (20.10.2026)',
    ],
    [
      { finalReadings: { T1: '10600', T2: '5199' } },
      'finalReadings.T2',
      'Конечное показание T2: меньше предыдущего показания 5200 от 20.10.2026',
    ],
  ])('%j: %s', (overrides, key, message) => {
    const result = remove(overrides)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.[key]).toBe(message)
  })

  it('measures the date from the install date when the meter has no readings', () => {
    const fresh = validate(removeMeterSchema({ today, old: { ...old, previous: {} } }), {
      accountId: 'a1',
      meterId: 'm1',
      removedAt: '2015-04-30',
      finalReadings: { T1: '1', T2: '1' },
      reason: 'Ошибка установки',
    })
    expect(fresh.ok).toBe(false)
    if (!fresh.ok)
      expect(fresh.error.fields?.removedAt).toBe(
        'Дата снятия: не раньше установки счетчика (01.05.2015)',
      )
  })
})
