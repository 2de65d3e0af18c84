import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import { registerAccount } from '../../src-main/accounts/register-account'
import { searchAccounts } from '../../src-main/accounts/search'
import { rebuildSearchIndex, rebuildSearchIndexInSteps } from '../../src-main/accounts/search-index'
import { executeCommand } from '../../src-main/commands/command'
import { accountInput, tempApp, type TempApp } from '../support/temp-app'

let t: TempApp
const holders = [
  {
    number: '7700000001',
    lastName: 'Смирнов',
    firstName: 'Алексей',
    middleName: 'Игоревич',
    phone: '+79161234567',
    street: 'ул. Ленина',
    house: '5',
    flat: '12',
    els: '77АБ000001',
  },
  {
    number: '7700000002',
    lastName: 'Смирнова',
    firstName: 'Ольга',
    middleName: 'Петровна',
    phone: '+79031112233',
    street: 'ул. Ленина',
    house: '5',
    flat: '14',
    els: null,
  },
  {
    number: '7700000003',
    lastName: 'Семёнов',
    firstName: 'Пётр',
    middleName: null,
    phone: null,
    street: 'ул. Гагарина',
    house: '12',
    flat: null,
    els: null,
  },
  {
    number: 'ЭС00123456',
    lastName: 'Кузнецова',
    firstName: 'Анна',
    middleName: 'Юрьевна',
    phone: '+74952223344',
    street: 'пр. Мира',
    house: '7',
    flat: '5',
    els: null,
  },
]

beforeAll(() => {
  t = tempApp()
  for (const h of holders) {
    const input = accountInput({
      number: h.number,
      els: h.els,
      holder: {
        lastName: h.lastName,
        firstName: h.firstName,
        middleName: h.middleName,
        phone: h.phone,
        email: null,
      },
      address: {
        region: 'Тверская обл.',
        settlement: 'г. Конаково',
        street: h.street,
        house: h.house,
        building: null,
        flat: h.flat,
      },
    })
    executeCommand(t.app.services.db, registerAccount, registerAccountSchema.parse(input), {
      operatorId: null,
      now: t.app.services.clock(),
    })
  }
})
afterAll(() => t.cleanup())

const numbersFound = (query: string) =>
  searchAccounts(t.app.services.db, query, 50).hits.map((h) => h.number)

describe('finding an account', () => {
  it.each([
    ['by number', '7700000003', ['7700000003']],
    ['by the start of the number', '770000000', ['7700000001', '7700000002', '7700000003']],
    ['by number with a letter prefix', 'эс00123456', ['ЭС00123456']],
    ['by the digits of a prefixed number', '00123456', ['ЭС00123456']],
    ['by ELS', '77аб000001', ['7700000001']],
    ['by surname in any case, partly', 'смирн', ['7700000001', '7700000002']],
    ['by surname typed with е for ё', 'Семенов', ['7700000003']],
    ['by full name', 'Смирнова Ольга Петровна', ['7700000002']],
    ['by surname and initials', 'Смирнов А.И.', ['7700000001', '7700000002']],
    ['by street, house and flat', 'Ленина 5 14', ['7700000002']],
    ['by address as written on a bill', 'ул. Ленина, д. 5, кв. 12', ['7700000001']],
    ['by phone typed with 8 and dashes', '8 (916) 123-45-67', ['7700000001']],
    ['by the last ten digits of the phone', '9031112233', ['7700000002']],
    ['by the start of the phone', '+7 495 222', ['ЭС00123456']],
  ])('%s', (_how, query, expected) => {
    expect(numbersFound(query).sort()).toEqual(expected.sort())
  })

  it('finds nothing for an unknown name and for an empty query', () => {
    expect(searchAccounts(t.app.services.db, 'Чебышёв', 50)).toEqual({ hits: [], more: false })
    expect(searchAccounts(t.app.services.db, '   ', 50)).toEqual({ hits: [], more: false })
  })

  it('puts the exact account number first and says when more match', () => {
    const result = searchAccounts(t.app.services.db, 'Смирнов', 1)
    expect(result.hits).toHaveLength(1)
    expect(result.more).toBe(true)
    const hit = searchAccounts(t.app.services.db, '7700000002', 50).hits[0]
    expect(hit).toMatchObject({
      number: '7700000002',
      holderName: 'Смирнова Ольга Петровна',
      address: 'Тверская обл., г. Конаково, ул. Ленина, д. 5, кв. 14',
      phone: '+79031112233',
      status: 'open',
    })
  })

  it('finds a newly registered account at once', () => {
    expect(numbersFound('Воронцов')).toEqual([])
    executeCommand(
      t.app.services.db,
      registerAccount,
      registerAccountSchema.parse(
        accountInput({
          number: '7700000099',
          holder: { lastName: 'Воронцов', firstName: 'Иван', phone: null, email: null },
        }),
      ),
      { operatorId: null, now: t.app.services.clock() },
    )
    expect(numbersFound('Воронцов')).toEqual(['7700000099'])
  })
})

describe('rebuilding the search index', () => {
  it('finds the same accounts as the index kept up to date by commands', () => {
    const queries = ['смирн', 'Ленина 5 14', '8 (916) 123-45-67', '77аб000001', 'Воронцов']
    const before = queries.map(numbersFound)
    expect(rebuildSearchIndex(t.app.services.db)).toBe(holders.length + 1)
    expect(queries.map(numbersFound)).toEqual(before)
  })

  it('finds the same when built a page at a time, as after a bootstrap', async () => {
    const queries = ['смирн', 'Ленина 5 14', '8 (916) 123-45-67', '77аб000001', 'Воронцов']
    const before = queries.map(numbersFound)
    expect(await rebuildSearchIndexInSteps(t.app.services.db)).toBe(holders.length + 1)
    expect(queries.map(numbersFound)).toEqual(before)
  })
})
