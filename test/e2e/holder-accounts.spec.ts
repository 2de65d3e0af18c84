import { expect, test } from '@playwright/test'
import { openE2eReplica, sampleAccount, type SampleAccount } from './replica'
import { accountField as field, openRegistration } from './support'

let owner: SampleAccount
let relative: SampleAccount

test.beforeAll(() => {
  const db = openE2eReplica()
  owner = sampleAccount(db, 40)
  relative = sampleAccount(db, 60)
  db.close()
})

test('a second account is registered on a known customer found by phone; the card shows «Счета владельца»', async ({
  page,
}) => {
  await openRegistration(page)

  // The holder by phone: Enter takes the first match, the form shows whom.
  await page.getByTestId('known-holder-search').focus()
  await page.keyboard.type(owner.phone.slice(-10))
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('known-holder-chosen')).toContainText(owner.lastName)
  await expect(page.getByTestId('known-holder-chosen')).toContainText(owner.number)
  await expect(field(page, 'lastName')).toHaveValue(owner.lastName)

  await field(page, 'number').focus()
  await page.keyboard.type('9912300021')
  for (const [key, value] of [
    ['region', 'Тверская обл.'],
    ['settlement', 'г. Тверь'],
    ['street', 'ул. Садовая'],
    ['house', '5'],
    ['flat', '12'],
    ['totalArea', '30'],
    ['residents', '1'],
  ] as const) {
    await field(page, key).focus()
    await page.keyboard.type(value)
  }
  await page.getByTestId('account-save').press('Enter')
  await expect(page.getByTestId('card-number')).toHaveText('9912300021')

  // One customer, two accounts: the card lists the owner's accounts, both of them.
  const holderAccounts = page.getByTestId('holder-accounts')
  await expect(holderAccounts).toContainText(owner.number)
  await expect(holderAccounts).toContainText('9912300021')
  const db = openE2eReplica()
  const holders = db
    .prepare(`SELECT DISTINCT holder_id FROM accounts WHERE number IN (?, ?)`)
    .pluck()
    .all(owner.number, '9912300021')
  db.close()
  expect(holders).toHaveLength(1)

  // Linking a person picks an existing customer by surname.
  await page.getByTestId('card-tab-persons').click()
  await page.getByTestId('link-known-search').focus()
  await page.keyboard.type(relative.phone.slice(-10))
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('link-known-chosen')).toContainText(relative.lastName)
  await page.getByTestId('link-submit').press('Enter')
  await expect(page.getByTestId('link-person').locator('..')).toContainText(relative.fullName)
})
