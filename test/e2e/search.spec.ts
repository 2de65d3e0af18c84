import { expect, test } from '@playwright/test'
import { formatPhone } from '../../src-shared/accounts/phone'
import { openE2eReplica, plain, roubles, sampleAccount, type SampleAccount } from './replica'
import { loginAsClerk, searchFor } from './support'

let account: SampleAccount
test.beforeAll(() => {
  const db = openE2eReplica()
  account = sampleAccount(db)
  db.close()
})

test.beforeEach(async ({ page }) => {
  await loginAsClerk(page)
})

test('finds the account by every kind of key, typed partly and in any case', async ({ page }) => {
  const phoneAsSaid = formatPhone(account.phone).replace('+7', '8')
  const queries = [
    account.number,
    account.number.slice(0, -2),
    account.els.toLowerCase(),
    `${account.lastName.toUpperCase()} ${account.firstName}`,
    account.fullName,
    `${account.street} ${account.house} ${account.flat}`,
    phoneAsSaid,
    account.serial.toLowerCase(),
  ]
  for (const query of queries) await searchFor(page, query, account.number)
})

test('opens the card with the keyboard and shows what the database holds', async ({ page }) => {
  await searchFor(page, account.number, account.number)
  await page.getByTestId('search-input').press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('card-number')).toContainText(account.number)
  await expect(page.getByTestId('card-holder')).toContainText(account.fullName)
  expect(plain(await page.getByTestId('card-address').textContent())).toContain(account.address)
  expect(plain(await page.getByTestId('card-balance-total').textContent())).toContain(
    roubles(account.balance),
  )
  await expect(page.getByTestId('card-meter').filter({ hasText: account.serial })).toBeVisible()
})

test('arrows move through the results and Enter opens the highlighted one', async ({ page }) => {
  const input = page.getByTestId('search-input')
  await input.pressSequentially(account.street, { delay: 10 })
  const rows = page.getByTestId('search-row')
  await expect(rows.nth(2)).toBeVisible()
  const third = plain(await rows.nth(2).textContent())
  await input.press('ArrowDown')
  await input.press('ArrowDown')
  await input.press('ArrowDown')
  await page.keyboard.press('Enter')
  const number = plain(await page.getByTestId('card-number').textContent()).match(
    /[A-ZА-Я]{0,3}\d{6,12}/u,
  )
  expect(number).not.toBeNull()
  expect(third).toContain(number![0])
})

test('a hotkey brings the search back from the card', async ({ page }) => {
  await searchFor(page, account.number, account.number)
  await page.getByTestId('search-row').first().click()
  await expect(page.getByTestId('card-number')).toBeVisible()
  await page.keyboard.press('F2')
  await expect(page.getByTestId('search-input')).toBeFocused()
})

test('an empty search and an unknown name say so clearly', async ({ page }) => {
  await expect(page.getByTestId('search-hint')).toBeVisible()
  await page.getByTestId('search-input').pressSequentially('Щщщзззыыы', { delay: 10 })
  await expect(page.getByTestId('search-empty')).toBeVisible()
})
