import { expect, test } from '@playwright/test'
import { loginAs } from './support'

test('header buttons name their keys; Alt+2 opens the history; its calendar starts on Monday, in Russian', async ({
  page,
}) => {
  await loginAs(page, 'supervisor', 'supervisor123')
  for (const [testid, key] of [
    ['nav-alerts', 'Alt+1'],
    ['nav-history', 'Alt+2'],
    ['nav-reports', 'Alt+3'],
    ['nav-reference', 'Alt+4'],
  ] as const) {
    await expect(page.getByTestId(testid)).toHaveAttribute('aria-keyshortcuts', key)
  }
  await page.getByTestId('nav-history').hover()
  await expect(page.getByRole('tooltip').filter({ hasText: '(Alt+2)' })).toBeVisible()

  // The office name has room: never cut to a couple of letters.
  const office = page.getByTestId('shell-workstation')
  expect((await office.boundingBox())!.width).toBeGreaterThan(120)

  await page.keyboard.press('Alt+2')
  await expect(page).toHaveURL(/audit/)
  await page.locator('.el-range-input').first().click()
  const heads = page.locator('.el-date-table th')
  await expect(heads.first()).toHaveText(/пн/i)
  await expect(heads.nth(6)).toHaveText(/вс/i)
})

test('the history reads in Russian words, grouped by day, filtered by kind', async ({ page }) => {
  await loginAs(page, 'supervisor', 'supervisor123')
  await page.keyboard.press('Alt+2')
  await expect(page.getByTestId('audit-operation').first()).toHaveText('Вход в программу')

  // Only logins and locks: every line is one of them.
  await page.getByTestId('history-kind').click()
  await page.getByTestId('history-kind-sessions').click()
  await expect(page.getByTestId('audit-total')).not.toHaveText('Записей: 0')
  const operations = await page.getByTestId('audit-operation').allTextContents()
  expect(operations.length).toBeGreaterThan(0)
  for (const o of operations) expect(o).toMatch(/вход|выход|блокир|сеанс|пароль/i)

  // All kinds again: no raw keys, no identifiers anywhere.
  await page.getByTestId('history-kind').click()
  await page.getByTestId('history-kind-all').click()
  await expect(page.getByTestId('history-kind')).toContainText('Все записи')
  const table = (await page.getByTestId('audit-table').textContent()) ?? ''
  expect(table).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/)
  expect(table).not.toMatch(/\b(kind|typed\.T1|acceptedBy|receiptNumber|paymentId)\b/)
})
