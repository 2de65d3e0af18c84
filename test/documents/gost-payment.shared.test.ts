import { describe, expect, it } from 'vitest'
import {
  gostPayload,
  gostPeriod,
  parseGostPayload,
  separatorFor,
  type GostPayee,
} from '../../src-shared/documents/gost-payment'

const payee: GostPayee = {
  name: 'АО «Тверьэнергосбыт»',
  personalAcc: '40702810863000001234',
  bankName: 'Тверское отделение № 8607 ПАО Сбербанк',
  bic: '042809679',
  correspAcc: '30101810700000000679',
  payeeInn: '6901067107',
  kpp: '695001001',
}
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length

describe('the GOST R 56042-2014 payload', () => {
  it('puts the header, the mandatory block in order, then the optional fields in order', () => {
    const text = gostPayload(payee, {
      sum: 123_456,
      purpose: 'Оплата по ЕПД',
      persAcc: '690012345',
      lastName: 'Иванов',
      firstName: 'Иван',
      middleName: 'Иванович',
      payerAddress: 'г. Конаково, ул. Ленина, д. 5',
      paymPeriod: '112026',
      addAmount: 1_234,
    })
    expect(text.split('|').map((p) => p.split('=')[0])).toEqual([
      'ST00012',
      'Name',
      'PersonalAcc',
      'BankName',
      'BIC',
      'CorrespAcc',
      'PayeeINN',
      'KPP',
      'Sum',
      'Purpose',
      'PersAcc',
      'LastName',
      'FirstName',
      'MiddleName',
      'PayerAddress',
      'PaymPeriod',
      'AddAmount',
      'TechCode',
    ])
    expect(text).toContain('|Sum=123456|')
    expect(text).toContain('|AddAmount=1234|')
    expect(text.endsWith('|TechCode=02')).toBe(true)
  })

  it.each([
    ['no sum', {}, ['TechCode']],
    ['zero penalty left out', { sum: 500, addAmount: 0 }, ['Sum', 'TechCode']],
    [
      'blank names left out',
      { sum: 1, lastName: '  ', persAcc: '1' },
      ['Sum', 'PersAcc', 'TechCode'],
    ],
  ])('leaves empty optional fields out: %s', (_what, payment, keys) => {
    const text = gostPayload({ ...payee, payeeInn: null, kpp: null }, payment)
    expect(
      text
        .split('|')
        .slice(6)
        .map((p) => p.split('=')[0]),
    ).toEqual(keys)
  })

  it.each([
    ['a value with |', 'ООО «Свет|Тепло»', '#'],
    ['a value with | and #', 'ООО «Свет|Тепло #1»', ';'],
    ['no separator inside', 'ООО «Свет»', '|'],
  ])('switches the separator for %s', (_what, name, sep) => {
    const text = gostPayload({ ...payee, name }, { sum: 100 })
    expect(text.slice(0, 8)).toBe(`ST00012${sep}`)
    const parsed = parseGostPayload(text)
    expect(parsed.ok && parsed.fields.Name).toBe(name)
    expect(separatorFor([name])).toBe(sep)
  })

  it('holds the mandatory block to 300 bytes (Cyrillic counts two bytes a letter)', () => {
    // Header 8 + pairs: find the longest name that still fits.
    const rest = gostPayload({ ...payee, name: 'Я' }, {}).split('|TechCode')[0]!
    const spare = 300 - utf8Bytes(rest.split('|PayeeINN')[0]!) + utf8Bytes('Я')
    const fits = 'Я'.repeat(Math.floor(spare / 2))
    expect(() => gostPayload({ ...payee, name: fits }, {})).not.toThrow()
    expect(() => gostPayload({ ...payee, name: `${fits}Я` }, {})).toThrow(/bytes, over 300/)
  })

  it.each([
    ['PersonalAcc', { personalAcc: '4070281086300000123' }],
    ['BIC', { bic: '04280967X' }],
    ['CorrespAcc', { correspAcc: '301018107000000006790' }],
  ])('refuses a malformed %s', (what, change) => {
    expect(() => gostPayload({ ...payee, ...change }, {})).toThrow(what)
  })

  it('refuses a sum that is not whole kopecks', () => {
    expect(() => gostPayload(payee, { sum: 10.5 })).toThrow(/Sum/)
    expect(() => gostPayload(payee, { sum: -1 })).toThrow(/Sum/)
  })

  it.each([
    ['2026-11', '112026'],
    ['2027-01', '012027'],
  ])('writes the period %s as %s', (period, text) => {
    expect(gostPeriod(period)).toBe(text)
  })
})

describe('reading a scanned payload back', () => {
  it('gives every field of what was built, with the trailing Enter ignored', () => {
    const text = gostPayload(payee, { sum: 2_500, persAcc: '690012345', paymPeriod: '102026' })
    const parsed = parseGostPayload(`${text}\r\n`)
    expect(parsed).toEqual({
      ok: true,
      fields: {
        Name: payee.name,
        PersonalAcc: payee.personalAcc,
        BankName: payee.bankName,
        BIC: payee.bic,
        CorrespAcc: payee.correspAcc,
        PayeeINN: payee.payeeInn,
        KPP: payee.kpp,
        Sum: '2500',
        PersAcc: '690012345',
        PaymPeriod: '102026',
        TechCode: '02',
      },
    })
  })

  it.each([
    ['a number', '690012345', 'not_gost'],
    ['another code', 'https://example.org/pay', 'not_gost'],
    ['a Windows-1251 code', 'ST00011|Name=x', 'encoding'],
    ['a pair without =', 'ST00012|Name=x|PersonalAcc', 'malformed'],
    ['missing mandatory fields', 'ST00012|Name=x|Sum=100', 'malformed'],
  ])('refuses %s', (_what, text, reason) => {
    expect(parseGostPayload(text)).toEqual({ ok: false, reason })
  })
})
