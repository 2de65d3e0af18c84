import { expect, test } from '@playwright/test'

test('a wrong password gets a clear message and no way in', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('login-input').fill('clerk')
  await page.getByTestId('password-input').fill('not-the-password')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('login-error')).toContainText('Неверный логин или пароль')
  await expect(page.getByTestId('search-input')).toHaveCount(0)
})

test('an empty login form names the missing fields', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('login-error')).toContainText('Логин')
})

test('a demo clerk logs in and lands on the search', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('login-input').fill('clerk')
  await page.getByTestId('password-input').fill('clerk123')
  await page.getByTestId('password-input').press('Enter')
  await expect(page.getByTestId('search-input')).toBeFocused()
  await expect(page.getByText('Иванова Мария Петровна')).toBeVisible()
})
