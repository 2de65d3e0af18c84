import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { chromiumPdfPrinter } from '../../src-main/webhost/chromium-pdf-printer'
import { buildBill } from '../../src-shared/documents/bill'
import { renderBillHtml } from '../../src-shared/documents/bill-html'
import { buildCertificate } from '../../src-shared/documents/certificate'
import { renderCertificateHtml } from '../../src-shared/documents/certificate-html'
import { parseGostPayload } from '../../src-shared/documents/gost-payment'
import { buildPenaltySheet } from '../../src-shared/documents/penalty-sheet'
import { renderPenaltySheetHtml } from '../../src-shared/documents/penalty-sheet-html'
import { buildReconciliation } from '../../src-shared/documents/reconciliation'
import { renderReconciliationHtml } from '../../src-shared/documents/reconciliation-html'
import { debt, law } from '../billing/support/law'
import { billInput } from './support/bill-fixtures'
import { julyToAugust, ledger } from './support/ledger-fixtures'
import { qrCodesOfPdf } from '../support/qr-codes'

const folder = mkdtempSync(join(tmpdir(), 'documents-pdf-'))
const printer = chromiumPdfPrinter(folder)
afterAll(async () => {
  await printer.close()
  rmSync(folder, { recursive: true, force: true })
})

const party = {
  customer: 'Иванов Иван Иванович',
  accountNumber: '690012345',
  address: 'ул. Ленина, д. 5',
}

/** Prints the page to PDF in Chromium and reads its text back with pdftotext. */
async function printed(html: string, name: string): Promise<{ path: string; text: string }> {
  const { target } = await printer.print({ html, name, layout: 'a4', printer: '' })
  const text = execFileSync('pdftotext', ['-layout', target, '-']).toString()
  // Columns and wrapped lines put runs of spaces and breaks anywhere: compare single spaces.
  return { path: target, text: text.replace(/[\s\u00a0]+/g, ' ') }
}

describe('every document rendered to PDF in Chromium and read back', () => {
  it('the monthly bill: values, Russian words, and each QR decoded equals its payload', async () => {
    const model = buildBill({ ...billInput, duplicate: true })
    const { path, text } = await printed(renderBillHtml(model), 'bill')
    for (const words of [
      'Единый платежный документ за ноябрь 2026',
      'ДУБЛИКАТ',
      '690012345-202611',
      'Иванов Иван Иванович',
      'АО «Тверьэнергосбыт»',
      '40702810863000001234',
      'по счетчику',
      '1 936,22 ₽',
      '3 086,25 ₽',
      '5 022,47 ₽',
      '15.12.2026',
      '011234567',
      'Передайте показания',
    ])
      expect(text).toContain(words)

    // The page as a 300 dpi image, every QR on it decoded by zbar; and off a coarser scan.
    const decoded = qrCodesOfPdf(path, join(folder, 'bill'))
    expect(decoded.sort()).toEqual(model.sections.map((s) => s.qrPayload).sort())
    expect(qrCodesOfPdf(path, join(folder, 'bill-250'), 250).sort()).toEqual(decoded)
    for (const section of model.sections) {
      const read = decoded.find((d) => d.includes(section.supplier.bankAccount))!
      const got = parseGostPayload(read)
      const want = parseGostPayload(section.qrPayload)
      expect(got.ok && want.ok).toBe(true)
      if (got.ok && want.ok) expect(got.fields).toEqual(want.fields)
    }
  })

  it('the reconciliation statement', async () => {
    const model = buildReconciliation({
      ...party,
      ...julyToAugust,
    })
    const { text } = await printed(renderReconciliationHtml(model), 'act')
    for (const words of [
      'Акт сверки взаимных расчетов',
      'с 01.07.2026 по 31.08.2026',
      'Сальдо на начало',
      '1 715,00 ₽',
      'Оплата (касса),',
      'Отмена оплаты',
      'Обороты за',
      'Переплата составляет 200,00 ₽ (Двести рублей 00 копеек).',
      'Одна тысяча пятьсот пятнадцать рублей 00 копеек',
      'От поставщика',
      'Потребитель',
    ])
      expect(text).toContain(words)
  })

  it('the debt statement and the certificate of no debt', async () => {
    const debt = buildCertificate({
      ...party,
      companyName: 'АО «Тверьэнергосбыт»',
      number: 'С-7',
      date: '2026-08-31',
      entries: ledger,
    })
    const a = await printed(renderCertificateHtml(debt), 'debt')
    for (const words of [
      'Справка о наличии задолженности № С-7',
      'имеется задолженность',
      '1 715,00 ₽',
      'Электроэнергия',
    ])
      expect(a.text).toContain(words)
    const none = buildCertificate({
      ...party,
      companyName: 'АО',
      number: 'С-8',
      date: '2026-05-31',
      entries: ledger,
    })
    const b = await printed(renderCertificateHtml(none), 'none')
    expect(b.text).toContain('Справка об отсутствии задолженности № С-8')
    expect(b.text).toContain('задолженность по лицевому счету № 690012345 отсутствует')
  })

  it('the penalty calculation sheet', async () => {
    const sheet = buildPenaltySheet(
      [debt('2025-01')],
      [{ date: '2025-05-12', amount: 1_000_000 }],
      '2025-05-31',
      law.penalty,
    )
    const html = renderPenaltySheetHtml({
      ...party,
      companyName: 'АО «Тверьэнергосбыт»',
      calcDate: '2025-05-31',
      sections: [{ supplierName: 'АО «Тверьэнергосбыт»', serviceName: 'Электроэнергия', sheet }],
    })
    const { text } = await printed(html, 'penalties')
    for (const words of [
      'Расчет пеней на 31.05.2025',
      'январь 2025',
      '13.03.2025',
      '1/300',
      '1/130',
      '9,50 %',
      '190,00 ₽',
      '197,31 ₽',
    ])
      expect(text).toContain(words)
  })
})
