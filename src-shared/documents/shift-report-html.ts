import { formatRub } from '../money/format'
import type { ShiftReport, Totals } from '../shifts/report'
import { escapeHtml } from './html'
import { methodNames, serviceNames } from './labels'
import { officeDateTime } from './office-time'

export interface ShiftReportHeader {
  officeAddress: string
  workstation: string
  cashier: string
  timeZone: string
}

const styles = `
@page { size: A4; margin: 15mm }
body { font: 11pt/1.4 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif; color: #000 }
h1 { font-size: 15pt; margin: 0 0 4mm }
table { border-collapse: collapse; margin: 3mm 0 }
th, td { border: 1px solid #000; padding: 1.2mm 2mm; text-align: left }
td.n { text-align: right; white-space: nowrap }
th { background: #eee }
`

const counted = (t: Totals) => `${t.count} / ${formatRub(t.total)}`

function row(cells: readonly string[], numeric = true): string {
  return `<tr>${cells.map((c, i) => `<td${numeric && i > 0 ? ' class="n"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`
}

/** The X (so far) or Z (closing) report as a self-contained A4 page. */
export function renderShiftReportHtml(report: ShiftReport, header: ShiftReportHeader): string {
  const at = (iso: string) => officeDateTime(iso, header.timeZone).dateTime
  const title =
    report.kind === 'z' ? 'Отчет о закрытии смены (Z-отчет)' : 'Отчет без гашения (X-отчет)'
  const head =
    '<tr><th></th><th>Платежи, шт. / сумма</th><th>Отмены, шт. / сумма</th><th>Итого</th></tr>'
  const methods = report.byMethod.map((m) =>
    row([methodNames[m.method], counted(m.payments), counted(m.cancellations), formatRub(m.net)]),
  )
  const services = report.byService.map((s) =>
    row([serviceNames[s.service], counted(s.payments), counted(s.cancellations), formatRub(s.net)]),
  )
  const cash = [
    row(['Наличные на начало смены', formatRub(report.openingCash)]),
    row(['Ожидается в кассе', formatRub(report.expectedCash)]),
    ...(report.countedCash === null
      ? []
      : [
          row(['Пересчитано', formatRub(report.countedCash)]),
          row(['Расхождение', formatRub(report.difference ?? 0)]),
        ]),
  ]
  return [
    '<!doctype html><html lang="ru"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title><style>${styles}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(header.officeAddress)}<br>Рабочее место: ${escapeHtml(header.workstation)}<br>`,
    `Кассир: ${escapeHtml(header.cashier)}<br>Открыта: ${escapeHtml(at(report.openedAt))}`,
    report.closedAt ? `<br>Закрыта: ${escapeHtml(at(report.closedAt))}` : '',
    '</p>',
    `<table>${head}${row(['Всего', counted(report.payments), counted(report.cancellations), formatRub(report.net)])}</table>`,
    `<table>${head}${methods.join('')}</table>`,
    services.length > 0 ? `<table>${head}${services.join('')}</table>` : '',
    `<table>${cash.join('')}</table>`,
    '<p>Кассир ____________________</p>',
    '</body></html>',
    '',
  ].join('\n')
}
