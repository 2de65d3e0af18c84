import { expect, test, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { openE2eReplica, plain, sampleAccount, type SampleAccount } from './replica'
import { loginAs, openCard } from './support'

let account: SampleAccount

test.beforeAll(() => {
  const db = openE2eReplica()
  account = sampleAccount(db, 21)
  db.close()
})

const loginAsCashier = (page: Page) => loginAs(page, 'cashier', 'cashier123')

function pdfText(path: string): string {
  return plain(execFileSync('pdftotext', ['-layout', path, '-']).toString())
}

test('a shift: open, take cash with change, print, a supervisor cancels, close with a difference', async ({
  page,
}) => {
  await loginAsCashier(page)

  // Open the shift with 1 000 ₽ in the drawer.
  await page.getByTestId('nav-shift').click()
  await expect(page.getByTestId('shift-closed')).toBeVisible()
  await page.getByTestId('shift-opening-cash').fill('1000')
  await page.getByTestId('shift-open').click()
  await expect(page.getByTestId('shift-open-info')).toContainText('1 000,00')

  // The account, F6 from its card: 1 500 ₽ in cash, 2 000 ₽ handed over.
  await page.keyboard.press('F2')
  await openCard(page, account.number)
  await page.keyboard.press('F6')
  await expect(page.getByTestId('payment-account')).toHaveText(account.number)
  const amounts = page.getByTestId('payment-amount')
  for (const input of await amounts.all()) await input.fill('')
  await amounts.first().fill('1 500')
  await page.getByTestId('payment-cash-given').fill('1000')
  await page.keyboard.press('F9')
  await expect(page.getByTestId('payment-cash-error')).toContainText('Получено наличными')
  await page.getByTestId('payment-cash-given').fill('2000')
  await expect(page.getByTestId('payment-change')).toContainText('500,00')
  await page.keyboard.press('F9')
  await expect(page.getByTestId('payment-done')).toBeVisible()
  await expect(page.getByTestId('payment-done-change')).toContainText('500,00')
  const done = plain(await page.getByTestId('payment-done').textContent())
  const receipt = /№ (\S+),/.exec(done)![1]!

  // Printed: the PDF's text holds the account, the amounts and the receipt number.
  await page.getByTestId('payment-print').click()
  await expect(page.getByTestId('payment-printed')).toContainText('.pdf')
  const path = plain(await page.getByTestId('payment-printed').textContent()).replace(/^.*?: /, '')
  const text = pdfText(path)
  expect(text).toContain(account.number)
  expect(text).toContain(receipt)
  expect(text).toContain('1 500,00')
  expect(text).toContain('2 000,00')
  expect(text).toContain('500,00')

  // A supervisor cancels it on the spot: a wrong password first, then the right one.
  await page.getByTestId('payment-to-card').click()
  await page.getByTestId('card-tab-payments').click()
  const row = page.locator('.el-table__row').filter({ hasText: receipt })
  await row.getByTestId('payment-cancel').click()
  // Taken at this desk: the dialog says it may be cancelled offline too.
  await expect(page.getByTestId('cancel-online-rule')).toHaveText(
    'Платеж принят на этом рабочем месте: его можно отменить и без связи с сервером.',
  )
  await page.getByTestId('cancel-reason').fill('Ошибка в сумме')
  await page.getByTestId('cancel-login').fill('supervisor')
  await page.getByTestId('cancel-password').fill('wrong')
  await page.getByTestId('cancel-confirm').click()
  await expect(page.getByTestId('cancel-error')).toContainText('Старший смены')
  await page.getByTestId('cancel-password').fill('supervisor123')
  await page.getByTestId('cancel-confirm').click()
  await expect(row.getByTestId('payment-cancelled')).toBeVisible()
  await expect(row).toContainText('Ошибка в сумме')
  // The cancellation receipt is printed at once.
  await expect(page.getByTestId('payments-printed')).toContainText('.pdf')
  const cancellation = pdfText(
    plain(await page.getByTestId('payments-printed').textContent()).replace(/^.*?: /, ''),
  )
  expect(cancellation).toContain('Причина отмены Ошибка в сумме')
  expect(cancellation).toContain(receipt)

  // The shift report shows both; closing with 999 ₽ counted shows 1 ₽ short.
  await page.getByTestId('nav-shift').click()
  const report = page.getByTestId('shift-report-total')
  await expect(report).toContainText('1 / 1 500,00')
  await expect(page.getByTestId('shift-expected')).toContainText('1 000,00')
  await page.getByTestId('shift-counted-cash').fill('999')
  await expect(page.getByTestId('shift-live-difference')).toContainText('-1,00')
  await page.getByTestId('shift-close').click()
  await expect(page.getByTestId('shift-reason-error')).toContainText('Причина расхождения')
  await page.getByTestId('shift-difference-reason').fill('Недостача 1 рубль')
  await page.getByTestId('shift-close').click()
  await expect(page.getByTestId('shift-report')).toHaveAttribute('data-kind', 'z')
  await expect(page.getByTestId('shift-difference')).toContainText('-1,00')
  await expect(page.getByTestId('shift-closed')).toBeVisible()
})
