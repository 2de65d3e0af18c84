import { expect, test } from '@playwright/test'
import { openE2eReplica } from './replica'
import { loginAs, loginAsClerk } from './support'

interface Sample {
  expired: { id: string; number: string; serial: string }
  firstClosed: string
  closedCount: number
}

let sample: Sample
test.beforeAll(() => {
  const db = openE2eReplica()
  // The list shows the workstation's office, by account number.
  const office = (
    db
      .prepare(
        'SELECT w.office_id AS o FROM device_state d JOIN workstations w ON w.id = d.workstation_id',
      )
      .get() as { o: string }
  ).o
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date())
  const expired = db
    .prepare(
      `SELECT a.id, a.number, m.serial_number AS serial
         FROM meters m JOIN accounts a ON a.id = m.account_id
        WHERE a.office_id = @office AND a.status = 'open' AND m.status = 'active'
          AND m.next_verification_at IS NOT NULL AND m.next_verification_at <= @today
        ORDER BY a.number LIMIT 1`,
    )
    .get({ office, today }) as Sample['expired']
  const closed = db
    .prepare(
      `SELECT min(number) AS first, count(*) AS n FROM accounts
        WHERE office_id = @office AND status = 'closed'`,
    )
    .get({ office }) as { first: string; n: number }
  sample = { expired, firstClosed: closed.first, closedCount: closed.n }
  db.close()
})

test('the alerts list filters by kind and opens a card showing the alert and its history', async ({
  page,
}) => {
  expect(sample.expired, 'the demo office has a meter past its verification').toBeTruthy()
  await loginAsClerk(page)
  await page.getByTestId('nav-alerts').click()

  await page.getByTestId('alerts-kind-closed').click()
  await expect(page.getByTestId('alerts-total')).toContainText(String(sample.closedCount))
  await expect(page.getByTestId('alerts-row-number').first()).toHaveText(sample.firstClosed)

  await page.getByTestId('alerts-kind-verification_expired').click()
  await expect(page.getByTestId('alerts-row-number').first()).toHaveText(sample.expired.number)
  await page.getByTestId('alerts-search').fill(sample.expired.number)
  await expect(page.getByTestId('alerts-row-number')).toHaveCount(1)
  await expect(page.getByTestId('alerts-row-number')).toHaveText(sample.expired.number)
  await page.keyboard.press('Enter')

  await expect(page.getByTestId('card-number')).toContainText(sample.expired.number)
  await expect(page.getByTestId('card-alert-verification_expired').first()).toContainText(
    sample.expired.serial,
  )

  // The view just made is the newest entry of the account's history.
  await page.getByTestId('card-tab-history').click()
  await expect(page.getByTestId('audit-operation').first()).toHaveText('Просмотр карточки счета')
  await expect(page.getByTestId('audit-table')).toContainText('Иванова Мария Петровна')

  // The clerk's own history lists the same view with the account number.
  await page.getByTestId('nav-history').click()
  await expect(page.getByTestId('audit-table')).toContainText(sample.expired.number)
  await expect(page.getByTestId('audit-operation').first()).toHaveText('Просмотр карточки счета')
})

test('an admin adds a tariff; a clerk sees it but cannot change tariffs', async ({ page }) => {
  await loginAs(page, 'admin', 'admin123')
  await page.getByTestId('nav-reference').click()
  await page.getByTestId('tariff-add').click()
  const validFrom = page.getByTestId('tariff-form').locator('.el-date-editor input')
  await validFrom.fill('01.01.2031')
  await validFrom.press('Enter')
  await page.getByTestId('tariff-rate').fill('6,123456')
  await page.getByTestId('tariff-save').click()
  await expect(page.getByTestId('tariff-error')).toContainText(
    'Ставка, руб.: число, не больше 5 знаков после запятой',
  )
  // What was typed stays for the correction.
  await expect(page.getByTestId('tariff-rate')).toHaveValue('6,123456')
  await page.getByTestId('tariff-rate').fill('6,12')
  await page.getByTestId('tariff-save').click()
  await expect(page.getByTestId('tariff-form')).toBeHidden()
  await expect(page.getByTestId('tariff-table')).toContainText('01.01.2031')
  await expect(page.getByTestId('tariff-row-rate').first()).toHaveText('6,12')
  await page.getByTestId('logout').click()

  await loginAsClerk(page)
  await page.getByTestId('nav-reference').click()
  await expect(page.getByTestId('reference-read-only')).toBeVisible()
  await expect(page.getByTestId('tariff-row-rate').first()).toHaveText('6,12')
  await expect(page.getByTestId('tariff-add')).toHaveCount(0)
})
