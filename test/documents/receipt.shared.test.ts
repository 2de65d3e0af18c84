import { describe, expect, it } from 'vitest'
import { noRegister } from '../../src-shared/cash-register/register'
import { buildCancellationReceipt, buildPaymentReceipt } from '../../src-shared/documents/receipt'
import { cancellation, cardPayment, cashPayment, fiscal } from './support/fixtures'

describe('the payment receipt model', () => {
  const receipt = buildPaymentReceipt(cashPayment)

  it.each([
    ['kind', 'payment'],
    ['title', 'Квитанция об оплате'],
    ['companyName', 'АО «Тверьэнергосбыт»'],
    ['companyInn', '6901067107'],
    ['officeAddress', '171252, Тверская обл., г. Конаково, ул. Энергетиков, д. 12'],
    ['receiptNumber', 'KN1-1042'],
    ['cashier', 'Смирнова Ольга Петровна'],
    ['accountNumber', '690012345'],
    ['payer', 'Иванов Иван Иванович'],
    ['address', 'Тверская обл., г. Конаково, ул. Ленина, д. 5, кв. 12'],
    ['method', 'cash'],
    ['methodName', 'Наличные'],
    ['total', 234_567],
    ['totalText', '2\u00a0345,67\u00a0₽'],
    ['amountInWords', 'Две тысячи триста сорок пять рублей 67 копеек'],
    ['cashGiven', 250_000],
    ['cashGivenText', '2\u00a0500,00\u00a0₽'],
    ['change', 15_433],
    ['changeText', '154,33\u00a0₽'],
    ['cardReference', null],
    ['fiscal', null],
  ])('%s: %j', (field, value) => {
    expect(receipt[field as keyof typeof receipt]).toEqual(value)
  })

  it('has the date and time in the office time zone, and the ISO instant', () => {
    expect(receipt.issuedAt).toEqual({
      iso: '2026-11-20T11:05:00.000Z',
      timeZone: 'Europe/Moscow',
      date: '20.11.2026',
      time: '14:05',
      dateTime: '20.11.2026 14:05',
    })
    // The same instant on a Vladivostok office's receipt is the next day.
    const east = buildPaymentReceipt({
      ...cashPayment,
      paidAt: '2026-11-20T15:30:00Z',
      timeZone: 'Asia/Vladivostok',
    })
    expect(east.issuedAt.dateTime).toBe('21.11.2026 01:30')
  })

  it('prints each service paid with its supplier and amount, not the lines left at zero', () => {
    expect(receipt.lines).toEqual([
      {
        service: 'electricity',
        serviceName: 'Электроэнергия',
        supplierName: 'АО «Тверьэнергосбыт»',
        amount: 123_456,
        amountText: '1\u00a0234,56\u00a0₽',
      },
      {
        service: 'heating',
        serviceName: 'Отопление (центральное)',
        supplierName: 'ООО «Конаковская тепловая компания»',
        amount: 111_111,
        amountText: '1\u00a0111,11\u00a0₽',
      },
    ])
    expect(receipt.total).toBe(receipt.lines.reduce((s, l) => s + l.amount, 0))
  })

  it('has no cash figures for a card payment, its terminal reference and the fiscal block', () => {
    const card = buildPaymentReceipt(cardPayment)
    expect(card).toMatchObject({
      method: 'card',
      methodName: 'Банковская карта',
      cashGiven: null,
      cashGivenText: null,
      change: null,
      changeText: null,
      cardReference: '632145098712',
      fiscal: { ...fiscal },
    })
  })

  it('prints a copy of a cash payment pulled without the cash given, without change', () => {
    const copy = buildPaymentReceipt({ ...cashPayment, cashGiven: null, copy: true })
    expect(copy).toMatchObject({ cashGiven: null, cashGivenText: null, changeText: null })
  })

  it('gives exact cash no change', () => {
    const exact = buildPaymentReceipt({ ...cashPayment, cashGiven: 234_567 })
    expect(exact).toMatchObject({ change: 0, changeText: '0,00\u00a0₽' })
  })

  it.each([
    ['cash given short of the total', { cashGiven: 234_566 }, /не хватает 0,01/],
    ['cash without the cash given', { cashGiven: null }, /cash given/],
    ['cash given on a card payment', { method: 'card' as const, cashGiven: 100 }, /cash given/],
    ['a card reference on a cash payment', { cardReference: '123' }, /card reference/],
    ['no line with an amount', { lines: [cashPayment.lines[1]!] }, /no line/],
    [
      'a negative line',
      { lines: [{ service: 'electricity' as const, supplierName: 'А', amount: -1 }] },
      /negative/,
    ],
    ['a blank payer', { payer: '  ' }, /payer is empty/],
    ['a blank receipt number', { receiptNumber: '' }, /receipt number is empty/],
    ['an INN of 9 digits', { company: { name: 'АО', inn: '690106710' } }, /INN/],
    ['a date it cannot read', { paidAt: 'сегодня' }, /not a date/],
  ])('refuses %s', (_case, change, error) => {
    expect(() => buildPaymentReceipt({ ...cashPayment, ...change })).toThrow(error)
  })
})

describe('the cancellation receipt model', () => {
  const receipt = buildCancellationReceipt(cancellation)

  it.each([
    ['kind', 'cancellation'],
    ['title', 'Квитанция об отмене платежа'],
    ['receiptNumber', 'KN1-1050'],
    ['originalReceiptNumber', 'KN1-1042'],
    ['supervisor', 'Петров Петр Петрович'],
    ['reason', 'Ошибка в номере лицевого счета'],
    ['total', 234_567],
    ['totalText', '2\u00a0345,67\u00a0₽'],
    ['amountInWords', 'Две тысячи триста сорок пять рублей 67 копеек'],
    ['methodName', 'Возврат наличными'],
    ['accountNumber', '690012345'],
    ['fiscal', null],
  ])('%s: %j', (field, value) => {
    expect(receipt[field as keyof typeof receipt]).toEqual(value)
  })

  it('dates the cancellation and the original payment in the office zone', () => {
    // 21:30 UTC is 00:30 the next day in Moscow.
    expect(receipt.issuedAt.dateTime).toBe('21.11.2026 00:30')
    expect(receipt.originalPaidAt.dateTime).toBe('20.11.2026 14:05')
  })

  it('refuses a cancellation without a reason', () => {
    expect(() => buildCancellationReceipt({ ...cancellation, reason: ' ' })).toThrow(/reason/)
  })
})

describe('the "no register" cash-register adapter', () => {
  it('fiscalises nothing: sales and refunds have no fiscal data', async () => {
    const operation = {
      receiptNumber: 'KN1-1042',
      at: cashPayment.paidAt,
      method: 'cash' as const,
      lines: [{ name: 'Электроэнергия', amount: 100 }],
      total: 100,
      cashGiven: 100,
      cashier: cashPayment.cashier,
    }
    expect(noRegister.kind).toBe('none')
    await expect(noRegister.registerSale(operation)).resolves.toBeNull()
    await expect(noRegister.registerRefund(operation)).resolves.toBeNull()
  })
})
