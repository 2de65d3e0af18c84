import { describe, expect, it } from 'vitest'
import { changesInWords, fieldWord, kindOfAction } from '../../src-shared/audit/words'

describe('the history in words', () => {
  it.each([
    ['typed.T1', 'Показание T1'],
    ['acceptedBy', 'Принял старший смены'],
    ['holder.phone', 'Телефон'],
    ['address.flat', 'Квартира'],
    ['kind', 'Вид'],
    ['services.0.service', 'Услуга'],
    ['initialReadings.T2', 'Начальное показание T2'],
    ['somethingNew', 'somethingNew'],
  ])('field %s is «%s»', (field, word) => {
    expect(fieldWord(field)).toBe(word)
  })

  it.each([
    [[{ field: 'kind', new: 'sms' }], [{ field: 'Вид', new: 'SMS-уведомления' }]],
    [[{ field: 'given', new: 'true' }], [{ field: 'Согласие дано', new: 'да' }]],
    [
      [{ field: 'relation', old: 'tenant', new: 'owner' }],
      [{ field: 'Отношение к счету', old: 'наниматель', new: 'собственник' }],
    ],
    [[{ field: 'officeId', new: 'office-1' }], []],
    [[{ field: 'replaces', new: '01937f84-5808-7034-a695-00d5eb42483f' }], []],
    [
      [
        { field: 'customerId', new: 'c1' },
        { field: 'fullName', new: 'Иванов И' },
      ],
      [{ field: 'ФИО', new: 'Иванов И' }],
    ],
  ])('%j reads %j', (changes, words) => {
    expect(changesInWords(changes)).toEqual(words)
  })

  it.each([
    ['account.register', 'accounts'],
    ['reading.submit', 'readings'],
    ['shift.close', 'payments'],
    ['operator.save', 'reference'],
    ['session.login_failed', 'sessions'],
    ['unknown.thing', null],
  ])('%s is of kind %s', (action, kind) => {
    expect(kindOfAction(action)).toBe(kind)
  })
})
