import { expect, test } from '@playwright/test'
import { loginAsClerk } from './support'

test('the screen locks after the idle time and only the password brings the work back', async ({
  page,
}) => {
  await page.clock.install()
  await loginAsClerk(page)
  await page.getByTestId('search-input').pressSequentially('Ленина', { delay: 10 })
  await expect(page.getByTestId('search-row').first()).toBeVisible()

  // The demo setting locks after 10 idle minutes.
  await page.clock.fastForward('10:30')
  await expect(page.getByTestId('lock-screen')).toBeVisible()

  await page.getByTestId('unlock-password').fill('wrong')
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('unlock-error')).toContainText('Неверный пароль')
  await expect(page.getByTestId('lock-screen')).toBeVisible()

  await page.getByTestId('unlock-password').fill('clerk123')
  await page.getByTestId('unlock-password').press('Enter')
  await expect(page.getByTestId('lock-screen')).toBeHidden()
  // What was on screen is still there.
  await expect(page.getByTestId('search-input')).toHaveValue('Ленина')
  await expect(page.getByTestId('search-row').first()).toBeVisible()
})

test('the clerk can lock the screen at once when stepping away', async ({ page }) => {
  await loginAsClerk(page)
  await page.getByTestId('lock-now').click()
  await expect(page.getByTestId('lock-screen')).toBeVisible()
})
