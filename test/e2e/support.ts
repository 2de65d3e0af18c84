import { expect, type Page } from '@playwright/test'

/** Logs a demo operator in and waits for the search the shell opens on. */
export async function loginAs(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/')
  await signIn(page, login, password)
}

/** Fills the login form on the page and waits for the search the shell opens on. */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByTestId('login-input').fill(login)
  await page.getByTestId('password-input').fill(password)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('search-input')).toBeVisible()
}

export const loginAsClerk = (page: Page) => loginAs(page, 'clerk', 'clerk123')

/** Types a query the way a clerk does and waits for the row of `number` to show. */
export async function searchFor(page: Page, query: string, number: string): Promise<void> {
  const input = page.getByTestId('search-input')
  await input.fill('')
  await input.pressSequentially(query, { delay: 10 })
  await expect(page.getByTestId('search-row').filter({ hasText: number }).first()).toBeVisible()
}

/**
 * Types into a meter dialog's fields by their names, in the order given (`model`, `serialNumber`,
 * `initial-T1`, `final-T2`, …: the data-testid without its `meter-`).
 */
export async function fillMeterFields(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    await page.getByTestId(`meter-${name}`).fill(value)
  }
}
