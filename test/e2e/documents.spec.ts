import { expect, test, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  demoAccount,
  openE2eReplica,
  plain,
  sampleAccount,
  writeAsServerAnswer,
  type SampleAccount,
} from './replica'
import { qrCodesOfPdf } from '../support/qr-codes'
import { loginAs, openCard } from './support'

let clerkAccount: SampleAccount
/** An account owing money on its last charged period, and that period. */
let payer: { id: string; number: string; period: string }

test.beforeAll(() => {
  const db = openE2eReplica()
  clerkAccount = sampleAccount(db, 31)
  payer = db
    .prepare(
      `SELECT a.id, a.number, max(c.period) AS period FROM accounts a JOIN charges c ON c.account_id = a.id
        WHERE a.status = 'open' AND ${demoAccount}
          AND c.supplier_id = (SELECT supplier_id FROM account_services s
                                WHERE s.account_id = a.id AND s.service = 'electricity')
        GROUP BY a.id
       HAVING (SELECT coalesce(sum(amount), 0) FROM charges WHERE account_id = a.id)
            > (SELECT coalesce(sum(l.amount), 0) + 100000 FROM payment_lines l
                 JOIN payments p ON p.id = l.payment_id WHERE p.account_id = a.id)
        ORDER BY a.search_key DESC LIMIT 1`,
    )
    .get() as { id: string; number: string; period: string }
  db.close()
  // The period close on the central server wrote the bill's header; the sync brought it here.
  writeAsServerAnswer((w) =>
    w
      .prepare(
        `INSERT OR IGNORE INTO bills (id, account_id, period, document_number, opening_balance,
                                      charged, penalties, paid, closing_balance, due_date, created_at)
         VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, ?, '2026-11-01T00:00:00.000Z')`,
      )
      .run(
        `e2e-bill-${payer.id}`,
        payer.id,
        payer.period,
        `${payer.number}-${payer.period.replace('-', '')}`,
        `${payer.period}-28`,
      ),
  )
})

function pdfText(path: string): string {
  return plain(execFileSync('pdftotext', ['-layout', path, '-']).toString())
}

async function savedPdf(page: Page): Promise<string> {
  await page.getByTestId('document-save-pdf').click()
  await expect(page.getByTestId('document-printed')).toContainText('.pdf')
  return plain(await page.getByTestId('document-printed').textContent()).replace(/^.*?: /, '')
}

/** From wherever the clerk is: F2 back to the search, then the account's card. */
async function searchAgainForCard(page: Page, number: string): Promise<void> {
  await page.keyboard.press('F2')
  await openCard(page, number)
}

test('a clerk prints a reconciliation statement for a range', async ({ page }) => {
  test.setTimeout(90_000)
  await loginAs(page, 'clerk', 'clerk123')
  await searchAgainForCard(page, clerkAccount.number)

  // Keyboard-reachable: the button takes focus and Enter opens the dialog.
  await page.getByTestId('card-document-reconciliation').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('document-dialog')).toBeVisible()
  const from = page.getByTestId('document-from').locator('input')
  await from.fill('01.01.2025')
  await from.press('Enter')
  const to = page.getByTestId('document-to').locator('input')
  await to.fill('31.12.2026')
  await to.press('Enter')
  await page.getByTestId('document-preview-button').click()
  const preview = page.frameLocator('[data-testid="document-preview"]')
  await expect(preview.locator('h1')).toHaveText('Акт сверки взаимных расчетов')
  await expect(preview.locator('body')).toContainText('с 01.01.2025 по 31.12.2026')

  const text = pdfText(await savedPdf(page))
  expect(text).toContain('Акт сверки взаимных расчетов')
  expect(text).toContain(clerkAccount.number)
  expect(text).toContain('с 01.01.2025 по 31.12.2026')
  expect(text).toContain('Сальдо на начало')
  expect(text).toContain('Обороты за')
  expect(text).toMatch(/Задолженность в пользу|Переплата составляет|Задолженность отсутствует/)
  expect(text).toContain('От поставщика')
})

test('a cashier scans a bill (typed as a scanner would) and takes the payment in two keys', async ({
  page,
}) => {
  await loginAs(page, 'cashier', 'cashier123')
  test.setTimeout(90_000)
  await page.getByTestId('nav-shift').click()
  const closed = page.getByTestId('shift-closed')
  await expect(closed.or(page.getByTestId('shift-open-info'))).toBeVisible()
  if (await closed.isVisible()) {
    await page.getByTestId('shift-opening-cash').fill('1000')
    await page.getByTestId('shift-open').click()
  }
  await expect(page.getByTestId('shift-open-info')).toBeVisible()

  // The customer's bill, as printed at the counter: a duplicate, its QR read off the PDF.
  await searchAgainForCard(page, payer.number)
  await page.getByTestId('card-document-bill').click()
  await page.getByTestId('document-preview-button').click()
  await expect(page.frameLocator('[data-testid="document-preview"]').locator('body')).toContainText(
    'ДУБЛИКАТ',
  )
  const pdf = await savedPdf(page)
  const codes = qrCodesOfPdf(pdf, join(mkdtempSync(join(tmpdir(), 'bill-')), 'bill')).filter((l) =>
    l.startsWith('ST0001'),
  )
  const code = codes.find((c) => c.includes(`PersAcc=${payer.number}`))!
  expect(code).toBeTruthy()
  const sum = Number(/\|Sum=(\d+)/.exec(code)![1])
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('document-dialog')).toBeHidden()

  // The scanner types the code into the search box and ends with Enter...
  await page.keyboard.press('F2')
  const box = page.getByTestId('search-input')
  await box.fill('')
  await box.pressSequentially(code)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('payment-account')).toHaveText(payer.number)
  await expect(page.getByTestId('payment-scanned')).toBeVisible()
  // ...and F9 takes it: the bill's sum, as the bill split it.
  await page.keyboard.press('F9')
  await expect(page.getByTestId('payment-done')).toBeVisible()
  const done = plain(await page.getByTestId('payment-done').textContent())
  const rub = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2 }).format(sum / 100)
  expect(done).toContain(plain(rub))

  // A foreign code gets a clear message, and nothing opens.
  await page.keyboard.press('F2')
  await box.fill('')
  await box.pressSequentially(
    'ST00012|Name=ООО Чужая|PersonalAcc=40702810000000000001|BankName=Банк|BIC=044525225|CorrespAcc=30101810400000000225|Sum=100',
  )
  await page.keyboard.press('Enter')
  await expect(page.locator('.scan-error')).toContainText('не нашим поставщиком')
})
