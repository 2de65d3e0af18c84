import { escapeHtml, htmlPage } from './html'

/**
 * The A4 sheet every counter document shares: printer fonts only, nothing loaded from outside.
 *
 * A bill is wider than the sheet (its services table beside the QR code take about 980 CSS
 * pixels against the sheet's 703), and Chromium, finding that when it prints, lays the whole
 * document out again at a shrunk scale (0.72 for a typical batch): a batch was laid out two or
 * three times over. The bill's own zoom sets that scale, so the first layout fits; a bill wider
 * still falls back to Chromium's shrinking and prints whole.
 */
const styles = `
@page { size: A4; margin: 12mm }
html, body { margin: 0; padding: 0; background: #fff; color: #000 }
body { font: 9.5pt/1.35 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif }
h1 { font-size: 13pt; margin: 0 0 3mm }
h2 { font-size: 10.5pt; margin: 4mm 0 1.5mm }
p { margin: 1mm 0 }
table { width: 100%; border-collapse: collapse; margin: 1.5mm 0 }
th, td { border: 1px solid #000; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top }
th { background: #eee; font-weight: bold }
td.n, th.n { text-align: right; white-space: nowrap }
tfoot td { font-weight: bold }
.fields { display: grid; grid-template-columns: 45mm 1fr; gap: 0.5mm 3mm; margin: 2mm 0 }
.fields dt { color: #333 }
.fields dd { margin: 0 }
.mark { border: 2px solid #000; display: inline-block; padding: 0.5mm 3mm; font-weight: bold; letter-spacing: 1px }
.words { font-style: italic }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; margin-top: 10mm }
.signatures div { border-top: 1px solid #000; padding-top: 1mm; min-height: 14mm }
.supplier { break-inside: avoid; border: 1px solid #000; padding: 2mm; margin: 3mm 0; display: grid; grid-template-columns: 1fr 37mm; gap: 3mm }
.qr { display: block }
.qr-caption { font-size: 7.5pt; text-align: center }
.small { font-size: 8pt }
.bill { zoom: 0.7 }
.bill + .bill { break-before: page }
`

export type Field = readonly [label: string, value: string | number | null]

/** Label and value pairs; a null value is left out. */
export function fieldList(list: readonly Field[]): string {
  const rows = list
    .filter((f) => f[1] !== null && f[1] !== '')
    .map(([l, v]) => `<dt>${escapeHtml(l)}</dt><dd>${escapeHtml(v as string | number)}</dd>`)
  return `<dl class="fields">${rows.join('')}</dl>`
}

/** A table: `numeric` marks the columns set right. Cells are text, escaped here. */
export function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly number[] = [],
  foot?: readonly string[],
): string {
  const cell = (tag: 'th' | 'td', c: string, i: number) =>
    `<${tag}${numeric.includes(i) ? ' class="n"' : ''}>${escapeHtml(c)}</${tag}>`
  const tr = (tag: 'th' | 'td', cells: readonly string[]) =>
    `<tr>${cells.map((c, i) => cell(tag, c, i)).join('')}</tr>`
  return (
    `<table><thead>${tr('th', head)}</thead><tbody>${rows.map((r) => tr('td', r)).join('')}</tbody>` +
    `${foot ? `<tfoot>${tr('td', foot)}</tfoot>` : ''}</table>`
  )
}

/** A complete, self-contained HTML page on A4; `body` is already escaped HTML. */
export function a4Page(title: string, body: string): string {
  return htmlPage({ title, styles, body: [`<main>${body}</main>`] })
}
