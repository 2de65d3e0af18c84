import { expect, test } from '@playwright/test'
import { loginAs, loginRefused, openReferenceAsAdmin } from './support'

test('an admin creates an operator who then logs in; a reset password and a deactivation take effect', async ({
  page,
}) => {
  // Three logins of a new operator and three saves, each hashing a password at the real cost.
  test.setTimeout(120_000)
  const login = `kassir${Date.now() % 100_000}`
  await openReferenceAsAdmin(page, 'operators')

  // Keyboard from here: the form opens on the login field.
  await page.getByTestId('operator-new').press('Enter')
  await expect(page.getByTestId('operator-login')).toBeFocused()
  await page.keyboard.type(login)
  await page.keyboard.press('Tab')
  await page.keyboard.type('Новикова Анна Петровна')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Касс')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('operator-role')).toContainText('Кассир')
  await page.getByTestId('operator-password').focus()
  // Too short first: the message names the field.
  await page.keyboard.type('short')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('operator-form')).toContainText('Пароль:')
  await page.getByTestId('operator-password').fill('')
  await page.keyboard.type('kassa-parol-1')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('operator-form')).toBeHidden()
  const row = page
    .getByTestId('operator-table')
    .locator('.el-table__row')
    .filter({ hasText: login })
  await expect(row).toContainText('Кассир')
  await expect(row).toContainText('Работает')

  // The new operator logs in.
  await page.getByTestId('logout').click()
  await loginAs(page, login, 'kassa-parol-1')
  await expect(page.getByTestId('shell-operator')).toContainText('Новикова Анна Петровна')
  await expect(page.getByTestId('nav-shift')).toBeVisible()

  // The admin resets the password and makes the operator a clerk, then deactivates.
  await page.getByTestId('logout').click()
  await openReferenceAsAdmin(page, 'operators')
  await page.getByTestId(`operator-edit-${login}`).press('Enter')
  await expect(page.getByTestId('operator-login')).toBeFocused()
  await page.getByTestId('operator-role').locator('input').focus()
  await page.keyboard.type('Опер')
  await page.keyboard.press('Enter')
  await page.getByTestId('operator-password').focus()
  await page.keyboard.type('novyi-parol-2')
  await page.keyboard.press('Enter')
  await expect(row).toContainText('Оператор')

  await loginRefused(page, login, 'kassa-parol-1')
  await loginAs(page, login, 'novyi-parol-2')
  await expect(page.getByTestId('nav-shift')).toBeHidden()

  await page.getByTestId('logout').click()
  await openReferenceAsAdmin(page, 'operators')
  await page.getByTestId(`operator-edit-${login}`).press('Enter')
  await page.getByTestId('operator-active').locator('input').press('Space')
  await page.getByTestId('operator-login').press('Enter')
  await expect(row).toContainText('Отключен')
  await loginRefused(page, login, 'novyi-parol-2')
})

test('the settings carry their descriptions; a new value is dated and shown as the next one', async ({
  page,
}) => {
  await openReferenceAsAdmin(page, 'settings')
  await expect(
    page.getByTestId('setting-description-shiftDifferenceSupervisorThreshold'),
  ).toContainText('подтверждением старшего смены')
  await expect(page.getByTestId('setting-value-screenLockMinutes')).toHaveText('10')

  const tomorrow = new Date(Date.now() + 36 * 3600 * 1000)
  const typed = tomorrow.toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' })
  await page.getByTestId('setting-edit-screenLockMinutes').press('Enter')
  await page.getByTestId('setting-value').fill('15')
  const validFrom = page.getByTestId('setting-form').locator('.el-date-editor input')
  await validFrom.fill(typed)
  await validFrom.press('Enter')
  await page.getByTestId('setting-value').press('Enter')
  await expect(page.getByTestId('setting-form')).toBeHidden()
  await expect(page.getByTestId('setting-table')).toContainText(`С ${typed}: 15`)
})

test('an admin edits an office and checks a supplier’s requisites', async ({ page }) => {
  await openReferenceAsAdmin(page, 'offices')
  const firstEdit = page
    .getByTestId('office-table')
    .getByRole('button', { name: 'Изменить' })
    .first()
  await firstEdit.press('Enter')
  await expect(page.getByTestId('record-name')).toBeFocused()
  await page.getByTestId('record-phone').fill('+7 (4822) 00-11-22')
  await page.getByTestId('record-name').fill('Офис на Садовой')
  await page.getByTestId('record-name').press('Enter')
  await expect(page.getByTestId('record-form')).toBeHidden()
  await expect(page.getByTestId('office-table')).toContainText('Офис на Садовой')

  // A supplier's requisites: a wrong BIC is named and what was typed stays.
  await page.getByTestId('reference-tab-suppliers').click()
  await page.getByTestId('supplier-add').press('Enter')
  await expect(page.getByTestId('record-name')).toBeFocused()
  await page.getByTestId('record-name').fill('ООО «Тест»')
  await page.getByTestId('record-shortName').fill('Тест')
  await page.getByTestId('record-inn').fill('7707083893')
  await page.getByTestId('record-bic').fill('12')
  await page.getByTestId('record-bic').press('Enter')
  await expect(page.getByTestId('record-error-bic')).toContainText('БИК')
  await expect(page.getByTestId('record-bic')).toHaveValue('12')
})
