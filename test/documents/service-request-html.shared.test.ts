import { describe, expect, it } from 'vitest'
import {
  renderAppealAcknowledgementHtml,
  renderRequestFormHtml,
  type DocumentOffice,
} from '../../src-shared/documents/service-request-html'

const office: DocumentOffice = {
  company: 'АО «Верхневолжскэнергосбыт»',
  officeName: 'Офис Конаково',
  officeAddress: 'г. Конаково, ул. Энергетиков, 17',
  officePhone: '+74824241555',
  timeZone: 'Europe/Moscow',
}
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()

describe('the printed request form and appeal acknowledgement', () => {
  it.each([
    [150_000, 'Стоимость 1 500,00 ₽ (включается в следующий счет)'],
    [0, 'Стоимость Бесплатно'],
  ])('a request form at %i kopecks: number, kind, price, date', (price, shown) => {
    const html = renderRequestFormHtml(
      {
        number: 'З-K1-7',
        kind: 'sealing',
        price,
        registeredAt: '2026-11-20T21:30:00.000Z',
        accountNumber: '690000123456',
        holderName: 'Иванов Иван Иванович',
        address: 'г. Конаково, ул. Ленина, д. 5, кв. 12',
        contactPhone: '+79101234567',
        meter: null,
        preferredDates: '<после 15-го>',
        note: null,
      },
      office,
    )
    const t = text(html)
    // 21:30 UTC is past midnight in Moscow: the office's date is printed.
    expect(t).toContain('Заявка № З-K1-7 от 21.11.2026')
    expect(t).toContain('Вид работ Опломбировка прибора учета')
    expect(t).toContain(shown)
    expect(t).toContain('Дата и время приема 21.11.2026 00:30')
    expect(html).toContain('&lt;после 15-го&gt;')
    expect(t).not.toContain('Прибор учета')
  })

  it('an acknowledgement: number, date of registration, due date, files', () => {
    const t = text(
      renderAppealAcknowledgementHtml(
        {
          number: 'О-K1-3',
          topic: 'billing',
          registeredOn: '2026-11-20',
          dueOn: '2026-12-20',
          accountNumber: '690000123456',
          holderName: 'Иванов Иван Иванович',
          replyChannel: 'email',
          replyAddress: 'ivanov@example.ru',
          files: ['скан.pdf', 'заявление.pdf'],
        },
        office,
      ),
    )
    expect(t).toContain('Уведомление о регистрации обращения № О-K1-3')
    expect(t).toContain('Дата регистрации 20.11.2026')
    expect(t).toContain('Срок ответа до 20.12.2026')
    expect(t).toContain('Способ ответа по электронной почте: ivanov@example.ru')
    expect(t).toContain('Приложения скан.pdf, заявление.pdf')
  })
})
