import { expect, type Page } from '@playwright/test'

export async function loginAsClerk(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByTestId('login-input').fill('clerk')
  await page.getByTestId('password-input').fill('clerk123')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('search-input')).toBeVisible()
}

/** Types a query the way a clerk does and waits for the row of `number` to show. */
export async function searchFor(page: Page, query: string, number: string): Promise<void> {
  const input = page.getByTestId('search-input')
  await input.fill('')
  await input.pressSequentially(query, { delay: 10 })
  await expect(page.getByTestId('search-row').filter({ hasText: number }).first()).toBeVisible()
}
