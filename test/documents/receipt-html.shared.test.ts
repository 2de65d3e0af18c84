import { describe, expect, it } from 'vitest'
import { buildCancellationReceipt, buildPaymentReceipt } from '../../src-shared/documents/receipt'
import { renderReceiptHtml, type ReceiptLayout } from '../../src-shared/documents/receipt-html'
import { estimateRollLengthMm } from '../../src-shared/documents/receipt-roll'
import { cancellation, cardPayment, cashPayment } from './support/fixtures'

const layouts: ReceiptLayout[] = ['80mm', 'a4']
const nbsp = '\u00a0'

describe.each(layouts)('the receipt as HTML, %s layout', (layout) => {
  const html = renderReceiptHtml(buildPaymentReceipt(cashPayment), layout)

  it('is a complete, self-contained page: inline style, no script, nothing loaded', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="ru">')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toMatch(/<style>[^<]*@page/)
    expect(html).toContain('</html>')
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|url\(|@import|https?:/i)
  })

  it.each([
    ['the company', 'АО «Тверьэнергосбыт»'],
    ['its INN', 'ИНН 6901067107'],
    ['the office address', '171252, Тверская обл., г. Конаково, ул. Энергетиков, д. 12'],
    ['the title', '<title>Квитанция об оплате № KN1-1042</title>'],
    ['the receipt number', 'Квитанция об оплате № <span class="number">KN1-1042</span>'],
    ['the date and time', '20.11.2026 14:05'],
    ['the cashier', 'Смирнова Ольга Петровна'],
    ['the account', '690012345'],
    ['the payer', 'Иванов Иван Иванович'],
    ['the address', 'Тверская обл., г. Конаково, ул. Ленина, д. 5, кв. 12'],
    ['a service', 'Электроэнергия'],
    ['its supplier', 'ООО «Конаковская тепловая компания»'],
    ['a line amount', `1${nbsp}234,56${nbsp}₽`],
    ['the method', 'Наличные'],
    ['the total', `<dt>Итого</dt><dd>2${nbsp}345,67${nbsp}₽</dd>`],
    ['the cash given', `<dt>Внесено наличными</dt><dd>2${nbsp}500,00${nbsp}₽</dd>`],
    ['the change', `<dt>Сдача</dt><dd>154,33${nbsp}₽</dd>`],
    ['the amount in words', 'Сумма прописью: Две тысячи триста сорок пять рублей 67 копеек'],
  ])('shows %s', (_what, text) => {
    expect(html).toContain(text)
  })

  it('leaves out what a cash receipt without a register does not have', () => {
    expect(html).not.toContain('Номер операции по карте')
    expect(html).not.toContain('РН ККТ')
    expect(html).not.toContain('Горячая вода')
  })

  it.each([
    [
      'the card reference and the fiscal fields when a register supplied them',
      () => buildPaymentReceipt(cardPayment),
      [
        '<dt>Номер операции по карте</dt><dd>632145098712</dd>',
        '<dt>РН ККТ</dt><dd>0001234567012345</dd>',
        '<dt>ФН</dt><dd>7281440500123456</dd>',
        '<dt>ФД</dt><dd>4521</dd>',
        '<dt>ФП</dt><dd>3029471856</dd>',
      ],
    ],
    [
      'the cancellation receipt with the original receipt, reason and supervisor',
      () => buildCancellationReceipt(cancellation),
      [
        'Квитанция об отмене платежа № KN1-1050',
        'квитанция № KN1-1042',
        '<dt>Дата платежа</dt><dd>20.11.2026 14:05</dd>',
        '<dt>Причина отмены</dt><dd>Ошибка в номере лицевого счета</dd>',
        '<dt>Старший смены</dt><dd>Петров Петр Петрович</dd>',
        `<dt>Сумма возврата</dt><dd>2${nbsp}345,67${nbsp}₽</dd>`,
        'Возврат наличными',
        'Две тысячи триста сорок пять рублей 67 копеек',
      ],
    ],
  ])('prints %s, and no change given', (_what, receipt, texts) => {
    const printed = renderReceiptHtml(receipt(), layout)
    for (const text of texts) expect(printed).toContain(text)
    expect(printed).not.toContain('Сдача')
  })

  it('escapes every value: a payer named <script> stays text', () => {
    const evil = renderReceiptHtml(
      buildPaymentReceipt({
        ...cashPayment,
        payer: '<script>alert("x")</script>',
        company: { name: 'ООО "Ромашка" & Ко', inn: '6901067107' },
        address: "ул. О'Нила, д. 1",
      }),
      layout,
    )
    expect(evil).not.toContain('<script')
    expect(evil).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(evil).toContain('ООО &quot;Ромашка&quot; &amp; Ко')
    expect(evil).toContain('ул. О&#39;Нила, д. 1')
  })
})

describe('the two layouts', () => {
  const model = buildPaymentReceipt(cashPayment)

  it('prints on an 80 mm roll in a monospace font', () => {
    const html = renderReceiptHtml(model, '80mm')
    // Chromium drops `size: 80mm auto`, so the roll gets an explicit length.
    expect(html).toContain(`@page { size: 80mm ${estimateRollLengthMm(model)}mm; margin: 0 }`)
    expect(html).not.toContain('size: 80mm auto')
    expect(html).toContain('monospace')
    expect(html).toContain('class="layout-80mm"')
  })

  it('takes a measured roll length from the printing side', () => {
    expect(renderReceiptHtml(model, '80mm', { rollLengthMm: 123 })).toContain(
      '@page { size: 80mm 123mm; margin: 0 }',
    )
    expect(() => renderReceiptHtml(model, '80mm', { rollLengthMm: 12.5 })).toThrow(/roll length/)
  })

  it('estimates a longer roll for more lines, longer texts and the fiscal block', () => {
    const base = estimateRollLengthMm(model)
    expect(Number.isInteger(base)).toBe(true)
    // The fixture receipt is about 112 mm long in Chromium: the estimate must hold it.
    expect(base).toBeGreaterThanOrEqual(115)
    expect(base).toBeLessThan(160)
    const longer = buildPaymentReceipt({
      ...cashPayment,
      cashGiven: 500_000,
      lines: [...cashPayment.lines, { ...cashPayment.lines[0]!, service: 'common_needs' }],
    })
    expect(estimateRollLengthMm(longer)).toBeGreaterThan(base)
    expect(estimateRollLengthMm(buildPaymentReceipt(cardPayment))).toBeGreaterThan(base)
    const wordy = buildPaymentReceipt({ ...cashPayment, address: 'ул. Длинная, '.repeat(10) })
    expect(estimateRollLengthMm(wordy)).toBeGreaterThan(base)
  })

  it('prints on A4 with page margins', () => {
    const html = renderReceiptHtml(model, 'a4')
    expect(html).toContain('@page { size: A4; margin: 15mm }')
    expect(html).toContain('class="layout-a4"')
  })
})
