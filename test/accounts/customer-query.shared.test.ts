import { describe, expect, it } from 'vitest'
import { readCustomerQuery } from '../../src-shared/accounts/customer-query'

describe('finding a known customer by what the clerk typed', () => {
  it.each([
    ['иванов', { kind: 'name', lastName: 'Иванов', firstName: null }],
    ['ИВАНОВ пётр', { kind: 'name', lastName: 'Иванов', firstName: 'Пётр' }],
    ['Римский-корсаков', { kind: 'name', lastName: 'Римский-корсаков', firstName: null }],
    ['+7 (916) 123-45-67', { kind: 'phone', digits: '9161234567' }],
    ['89161234567', { kind: 'phone', digits: '9161234567' }],
    ['45-67', { kind: 'none' }],
    ['69сл981025', { kind: 'els', els: '69СЛ981025' }],
    ['1234567890', { kind: 'phone', digits: '1234567890' }],
    ['', { kind: 'none' }],
    ['я', { kind: 'none' }],
  ])('%j reads as %j', (typed, query) => {
    expect(readCustomerQuery(typed)).toEqual(query)
  })
})
