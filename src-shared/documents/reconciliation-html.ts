import { a4Page, fieldList, table } from './a4-page'
import { escapeHtml } from './html'
import type { ReconciliationModel } from './reconciliation'

/** The reconciliation statement as a self-contained A4 page. */
export function renderReconciliationHtml(m: ReconciliationModel): string {
  const head =
    `<h1>${escapeHtml(m.title)}</h1>` +
    fieldList([
      ['Поставщик', m.suppliers.length > 0 ? m.suppliers.join('; ') : m.companyName],
      ['Потребитель', m.customer],
      ['Лицевой счет', m.accountNumber],
      ['Адрес', m.address],
      ['Период', m.periodText],
      ['Услуга', m.serviceName],
    ])
  const opening = fieldList([
    ['Сальдо на начало', m.openingTexts.total],
    ['в т.ч. основной долг', m.openingTexts.principal],
    ['в т.ч. пени', m.openingTexts.penalties],
  ])
  const rows = table(
    ['Дата', 'Операция', 'Услуга', 'Поставщик', 'Начислено', 'Оплачено', 'Сальдо'],
    m.rows.map((r) => [
      r.dateText,
      r.what,
      r.serviceName,
      r.supplierName,
      r.debitText,
      r.creditText,
      r.balanceText,
    ]),
    [4, 5, 6],
    ['', 'Обороты за период', '', '', m.debitTurnoverText, m.creditTurnoverText, m.closingText],
  )
  const closing =
    fieldList([['Сальдо на конец', m.closingText]]) +
    m.closingBySupplier.map((c) => `<p>${escapeHtml(c.wording)}</p>`).join('') +
    (m.closingBySupplier.length > 1 ? `<p><b>${escapeHtml(m.closingWording)}</b></p>` : '')
  const signatures =
    '<div class="signatures">' +
    `<div>От поставщика: ${escapeHtml(m.companyName)}<br>__________________ / __________________</div>` +
    `<div>Потребитель: ${escapeHtml(m.customer)}<br>__________________ / __________________</div>` +
    '</div>'
  return a4Page(`${m.title} ${m.accountNumber}`, head + opening + rows + closing + signatures)
}
