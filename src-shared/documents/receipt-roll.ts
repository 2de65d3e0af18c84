import type { ReceiptModel } from './receipt'
import { details, fiscalFields, totals, type Field } from './receipt-fields'

// Chromium has no "as long as the content" page size (`size: 80mm auto` is dropped as
// invalid), so the 80 mm layout needs a page length. This is an estimate from the text,
// generous on purpose: receipt printer drivers cut the blank tail. The print module may
// measure the rendered page instead and pass the exact length.

const mmPerPx = 25.4 / 96
// 11 px monospace, 1.35 line height, 72 mm of text width: about 41 characters a row.
const row = 11 * 1.35 * mmPerPx
const smallRow = 10 * 1.35 * mmPerPx
const titleRow = 12 * 1.35 * mmPerPx
const width = 41
const section = 3.5

function rows(text: string, perRow: number): number {
  return Math.max(1, Math.ceil(text.length / Math.max(8, perRow)))
}

function fieldRows(list: readonly Field[]): number {
  return list.reduce(
    (sum, [label, value]) => (value === null ? sum : sum + rows(value, width - label.length - 1)),
    0,
  )
}

/** A page length in whole millimetres that holds the whole receipt on an 80 mm roll. */
export function estimateRollLengthMm(model: ReceiptModel): number {
  let mm = 6 // page padding
  mm += (rows(model.companyName, width) + 1 + rows(model.officeAddress, width)) * row
  mm += 4 + rows(`${model.title} № ${model.receiptNumber}`, 37) * titleRow
  mm += fieldRows(details(model)) * row
  mm += section
  for (const line of model.lines) {
    // The amount takes the right-hand side of a line's cell.
    mm += 1 + rows(line.serviceName, width - 13) * row + rows(line.supplierName, 31) * smallRow
  }
  mm += section + 13 * 1.35 * mmPerPx + fieldRows(totals(model).slice(1)) * row
  mm += 2 + rows(`Сумма прописью: ${model.amountInWords}`, width) * row
  const fiscal = fiscalFields(model)
  if (fiscal.length > 0) mm += section + fieldRows(fiscal) * row
  mm += 6 + row + 3 // signature line and its margins
  return Math.ceil(mm * 1.1 + 5)
}
