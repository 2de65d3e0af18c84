import { expect, test } from '@playwright/test'

test('the About screen shows the version, the server and that only the installed app updates', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByTestId('login-input').fill('clerk')
  await page.getByTestId('password-input').fill('clerk123')
  await page.getByTestId('password-input').press('Enter')
  await expect(page.getByTestId('search-input')).toBeFocused()

  await page.getByTestId('nav-about').click()
  await expect(page.getByRole('heading', { name: 'О программе' })).toBeVisible()
  await expect(page.getByTestId('about-version')).toHaveText(/^\d+\.\d+\.\d+|dev$/)
  // The e2e replica is not registered with a central server.
  await expect(page.getByTestId('about-server')).toHaveText('не подключен')
  await expect(page.getByTestId('about-last-check')).toHaveText('не было')
  await expect(page.getByTestId('about-state')).toHaveText(
    'Обновляется только установленная программа',
  )
  // The web dev host has no updater: nothing is ever ready.
  await expect(page.getByTestId('update-ready')).toHaveCount(0)
})
