import { escapeHtml, htmlPage } from './html'
import type { ReceiptModel } from './receipt'
import { details, fiscalFields, totals, type Field } from './receipt-fields'
import { estimateRollLengthMm } from './receipt-roll'

export type ReceiptLayout = '80mm' | 'a4'

// Printer fonts only: a document never loads anything from outside.
const styles: Record<ReceiptLayout, (pageMm: number) => string> = {
  // `size: 80mm auto` would be the natural rule, but Chromium drops it as invalid and prints
  // on Letter: the roll gets an explicit length (see receipt-roll.ts).
  '80mm': (lengthMm) => `
@page { size: 80mm ${lengthMm}mm; margin: 0 }
html, body { margin: 0; padding: 0; background: #fff; color: #000 }
body { width: 80mm; font: 11px/1.35 'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace }
.receipt { padding: 3mm 4mm }
header { text-align: center }
.company { font-weight: bold }
h1 { font-size: 12px; text-align: center; margin: 2mm 0; text-transform: uppercase }
.row { display: flex; justify-content: space-between; gap: 2mm }
dl, dd { margin: 0 }
dt { flex: none }
dd { text-align: right; overflow-wrap: anywhere }
section { border-top: 1px dashed #000; padding-top: 1.5mm; margin-top: 1.5mm }
table { width: 100%; border-collapse: collapse }
th { display: none }
td { padding: 0.5mm 0; vertical-align: bottom }
.supplier { font-size: 10px }
.amount { text-align: right; white-space: nowrap; padding-left: 2mm }
.total { font-weight: bold; font-size: 13px }
.number { white-space: nowrap }
.words { margin: 1mm 0 }
.signature { margin-top: 6mm }
`,
  a4: () => `
@page { size: A4; margin: 15mm }
html, body { margin: 0; padding: 0; background: #fff; color: #000 }
body { font: 11pt/1.4 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif }
.receipt { max-width: 180mm }
header { border-bottom: 1px solid #000; padding-bottom: 3mm }
.company { font-weight: bold; font-size: 13pt }
h1 { font-size: 15pt; margin: 6mm 0 4mm }
.row { display: flex; gap: 4mm; padding: 0.5mm 0 }
dl, dd { margin: 0 }
dt { width: 55mm; flex: none; color: #333 }
section { margin-top: 5mm }
table { width: 100%; border-collapse: collapse }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: top }
th { background: #eee }
.supplier { font-size: 9pt; color: #333 }
.amount { text-align: right; white-space: nowrap }
.total { font-weight: bold; font-size: 13pt }
.number { white-space: nowrap }
.words { font-style: italic; margin: 3mm 0 }
.signature { margin-top: 15mm }
`,
}

function fields(list: readonly Field[], className = 'fields'): string {
  const rows = list
    .filter((f): f is readonly [string, string] => f[1] !== null)
    .map(
      ([label, value]) =>
        `<div class="row"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`,
    )
  return `<dl class="${className}">${rows.join('')}</dl>`
}

function linesTable(model: ReceiptModel): string {
  const rows = model.lines.map(
    (l) =>
      `<tr><td><div class="service">${escapeHtml(l.serviceName)}</div>` +
      `<div class="supplier">${escapeHtml(l.supplierName)}</div></td>` +
      `<td class="amount">${escapeHtml(l.amountText)}</td></tr>`,
  )
  return (
    '<table class="lines"><thead><tr><th>Услуга, поставщик</th><th class="amount">Сумма</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  )
}

function fiscalBlock(model: ReceiptModel): string {
  const list = fiscalFields(model)
  return list.length === 0 ? '' : `<section class="fiscal">${fields(list)}</section>`
}

function signature(model: ReceiptModel): string {
  const who = model.kind === 'payment' ? 'Кассир' : 'Старший смены'
  return `<p class="signature">${who} ____________________</p>`
}

export interface RenderOptions {
  /** Page length for the 80 mm roll, when the printing side measured it; else estimated. */
  rollLengthMm?: number
}

/** The receipt as a complete, self-contained HTML page: for a receipt printer or A4 paper. */
export function renderReceiptHtml(
  model: ReceiptModel,
  layout: ReceiptLayout,
  options: RenderOptions = {},
): string {
  const rollLengthMm = options.rollLengthMm ?? estimateRollLengthMm(model)
  if (!Number.isInteger(rollLengthMm) || rollLengthMm <= 0)
    throw new Error(`roll length is not a positive whole number of mm: ${rollLengthMm}`)
  const title = `${model.title} № ${model.receiptNumber}`
  const [first, ...rest] = totals(model)
  const body = [
    `<main class="receipt receipt-${model.kind}">`,
    '<header>',
    `<div class="company">${escapeHtml(model.companyName)}</div>`,
    `<div class="inn">ИНН ${escapeHtml(model.companyInn)}</div>`,
    `<div class="office">${escapeHtml(model.officeAddress)}</div>`,
    '</header>',
    // The number never breaks across lines on the narrow roll.
    `<h1>${escapeHtml(model.title)} № <span class="number">${escapeHtml(model.receiptNumber)}</span></h1>`,
    fields(details(model)),
    `<section>${linesTable(model)}</section>`,
    `<section>${first ? fields([first], 'fields total') : ''}${fields(rest)}</section>`,
    `<p class="words">Сумма прописью: ${escapeHtml(model.amountInWords)}</p>`,
    fiscalBlock(model),
    signature(model),
    '</main>',
  ]
  return htmlPage({
    title,
    styles: styles[layout](rollLengthMm),
    body,
    bodyClass: `layout-${layout}`,
  })
}
