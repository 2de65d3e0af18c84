import { a4Page, fieldList, table } from './a4-page'
import type { CertificateModel } from './certificate'
import { escapeHtml } from './html'

/** The certificate of no debt or the debt statement as a self-contained A4 page. */
export function renderCertificateHtml(m: CertificateModel): string {
  const lines =
    m.kind === 'debt'
      ? table(
          ['Поставщик', 'Услуга', 'Основной долг', 'Пени', 'Итого'],
          m.lines.map((l) => [
            l.supplierName,
            l.serviceName,
            l.principalText,
            l.penaltiesText,
            l.totalText,
          ]),
          [2, 3, 4],
          ['Итого', '', '', '', m.totalText],
        )
      : ''
  return a4Page(
    `${m.title} № ${m.number}`,
    `<p>${escapeHtml(m.companyName)}</p>` +
      `<h1>${escapeHtml(m.title)} № ${escapeHtml(m.number)}</h1>` +
      fieldList([
        ['Дата', m.dateText],
        ['Потребитель', m.customer],
        ['Лицевой счет', m.accountNumber],
        ['Адрес', m.address],
      ]) +
      `<p>${escapeHtml(m.statement)}</p>` +
      lines +
      '<div class="signatures"><div>Уполномоченное лицо __________________</div><div>М.П.</div></div>',
  )
}
