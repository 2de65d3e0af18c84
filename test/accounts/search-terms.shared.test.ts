import { describe, expect, it } from 'vitest'
import { accountSearchTerms, searchPlan } from '../../src-shared/accounts/search-terms'

describe('what the clerk types becomes FTS5 lookups', () => {
  it.each([
    ['Смирнов', '"смирнов"', '"смирнов"*'],
    ['СМИРНОВ алексей', '"смирнов" AND "алексей"', '"смирнов" AND "алексей"*'],
    ['Смирнов А.И.', '"смирнов"', '"смирнов"*'],
    ['Семёнов', '"семенов"', '"семенов"*'],
    ['8 (916) 123-45-67', '"89161234567"', '"89161234567"*'],
    ['+7 916 123 45 67', '"79161234567"', '"79161234567"*'],
    ['ул. Ленина, д. 5, кв. 12', '"ленина" AND "5" AND "12"', '"ленина" AND "5" AND "12"'],
    ['Ленина 5а', '"ленина" AND "5а"', '"ленина" AND "5а"*'],
    ['Полевая 748', '"полевая" AND "748"', '"полевая" AND "748"'],
    ['7700000001', '"7700000001"', '"7700000001"*'],
    ['ЭС-001234', '"эс001234"', '"эс001234"*'],
    ['CE102-R5', '"ce102r5"', '"ce102r5"*'],
    ['5', '"5"', '"5"'],
    ['а', '"а"', '"а"*'],
    [
      '"; DROP TABLE accounts; --',
      '"drop" AND "table" AND "accounts"',
      '"drop" AND "table" AND "accounts"*',
    ],
  ])('%s', (query, exact, prefix) => {
    expect(searchPlan(query)).toEqual({ exact, prefix })
  })

  it.each(['', '   ', 'ул. д. кв.'])('%j: nothing to look for', (query) => {
    expect(searchPlan(query)).toBeNull()
  })
})

describe('an account becomes one line of search terms', () => {
  const terms = accountSearchTerms({
    number: 'ЭС0012345',
    els: '12АБ345678',
    names: ['Петров-Водкин Иван Семёнович'],
    settlement: 'г. Конаково',
    street: 'ул. Ленина',
    house: '12/1',
    building: null,
    flat: '5',
    phones: ['+79161234567'],
    serials: ['CE102-R5 0123'],
  }).split(' ')

  it.each([
    ['the number as printed and its digits', ['эс0012345', '0012345']],
    ['the ELS', ['12аб345678']],
    ['a double surname whole and in parts', ['петровводкин', 'петров', 'водкин']],
    ['ё as е', ['семенович']],
    ['the street and settlement without their types', ['ленина', 'конаково']],
    ['a house with a fraction whole and in parts', ['121', '12', '1']],
    ['the phone with 7, 8 and without', ['9161234567', '79161234567', '89161234567']],
    ['a serial with and without its dash', ['ce102r5', 'ce102', 'r5', '0123']],
  ])('%s', (_what, expected) => {
    expect(terms).toEqual(expect.arrayContaining(expected))
  })

  it('leaves out street-type words', () => {
    expect(terms).not.toContain('ул')
    expect(terms).not.toContain('г')
  })
})
