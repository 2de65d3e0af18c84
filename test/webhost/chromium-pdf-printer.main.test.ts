import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { chromiumPdfPrinter } from '../../src-main/webhost/chromium-pdf-printer'
import { a4Page } from '../../src-shared/documents/a4-page'

const dir = mkdtempSync(join(tmpdir(), 'chromium-printer-'))
const printer = chromiumPdfPrinter(join(dir, 'printed'))
afterAll(async () => {
  await printer.close()
  rmSync(dir, { recursive: true, force: true })
})

const text = (file: string) => execFileSync('pdftotext', [file, '-']).toString()

describe('the Chromium printer on its own thread', () => {
  it('prints a page given as HTML and one given as a file, both owner-only PDFs', async () => {
    const fromHtml = await printer.print({
      html: a4Page('Проба', '<p>Строка из разметки</p>'),
      name: 'Проба 1',
      layout: 'a4',
      printer: '',
    })
    const page = join(dir, 'page.html')
    writeFileSync(page, a4Page('Проба', '<p>Строка из файла</p>'))
    const fromFile = await printer.print({
      htmlFile: page,
      name: 'Проба 2',
      layout: 'a4',
      printer: '',
    })
    expect(fromHtml).toEqual({ kind: 'pdf', target: join(dir, 'printed', 'Проба_1.pdf') })
    expect(text(fromHtml.target)).toContain('Строка из разметки')
    expect(text(fromFile.target)).toContain('Строка из файла')
    expect(statSync(fromFile.target).mode & 0o777).toBe(0o600)
    // The page's own @page rule sets the paper, as with Playwright's page.pdf.
    expect(execFileSync('pdfinfo', [fromFile.target]).toString()).toMatch(/Page size:.*\(A4\)/)
  })

  it('fails a job whose page cannot be loaded and prints the next one', async () => {
    await expect(
      printer.print({ htmlFile: join(dir, 'missing.html'), name: 'x', layout: 'a4', printer: '' }),
    ).rejects.toThrow(/ERR_FILE_NOT_FOUND/)
    const next = await printer.print({
      html: a4Page('Проба', '<p>После ошибки</p>'),
      name: 'Проба 3',
      layout: 'a4',
      printer: '',
    })
    expect(text(next.target)).toContain('После ошибки')
  })
})
