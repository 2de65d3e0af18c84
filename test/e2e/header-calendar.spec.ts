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
  await expect(page).toHaveURL(/history/)
  await page.locator('.el-range-input').first().click()
  const heads = page.locator('.el-date-table th')
  await expect(heads.first()).toHaveText(/пн/i)
  await expect(heads.nth(6)).toHaveText(/вс/i)
})
