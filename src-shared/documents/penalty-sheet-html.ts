import { formatRub } from '../money/format'
import { a4Page, fieldList, table } from './a4-page'
import { escapeHtml } from './html'
import type { PenaltySheet } from './penalty-sheet'
import { ruDate, type DocumentParty } from './reconciliation'

export interface PenaltySheetSection {
  supplierName: string
  serviceName: string
  sheet: PenaltySheet
}

export interface PenaltySheetDocument extends DocumentParty {
  companyName: string
  calcDate: string
  sections: PenaltySheetSection[]
}

/** The penalty calculation sheet: per supplier's service, each debt's days, rate, share, amount. */
export function renderPenaltySheetHtml(d: PenaltySheetDocument): string {
  const title = 'Расчет пеней'
  const total = d.sections.reduce((s, x) => s + x.sheet.total, 0)
  const sections = d.sections
    .map(
      (s) =>
        `<h2>${escapeHtml(s.serviceName)}, ${escapeHtml(s.supplierName)}</h2>` +
        (s.sheet.lines.length === 0
          ? '<p>Пени не начислялись.</p>'
          : table(
              ['Период долга', 'Сумма долга', 'С', 'По', 'Дней', 'Ставка', 'Доля', 'Пени'],
              s.sheet.lines.map((l) => [
                l.periodText,
                l.debtText,
                l.fromText,
                l.toText,
                String(l.days),
                l.rateText,
                l.share,
                l.amountText,
              ]),
              [1, 4, 7],
              ['Итого', '', '', '', '', '', '', s.sheet.totalText],
            )),
    )
    .join('')
  return a4Page(
    `${title} ${d.accountNumber}`,
    `<p>${escapeHtml(d.companyName)}</p><h1>${title} на ${escapeHtml(ruDate(d.calcDate))}</h1>` +
      fieldList([
        ['Потребитель', d.customer],
        ['Лицевой счет', d.accountNumber],
        ['Адрес', d.address],
      ]) +
      sections +
      `<p><b>Всего пеней: ${escapeHtml(formatRub(total))}</b></p>` +
      '<p class="small">Пени по ч. 14 ст. 155 ЖК РФ; ставка и доли — действовавшие в день оплаты, для неоплаченного долга — на дату расчета.</p>',
  )
}
