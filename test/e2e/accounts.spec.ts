import { expect, test } from '@playwright/test'
import { demoAccount, openE2eReplica, plain } from './replica'
import {
  accountField as field,
  fillAccountFields,
  loginAsClerk,
  openCard,
  openRegistration,
  searchFor,
} from './support'

interface Existing {
  number: string
  lastName: string
  region: string
  settlement: string
  street: string
  house: string
  flat: string
}

interface Closing {
  number: string
  zones: { serial: string; zone: string; value: number }[]
}

let existing: Existing
let closing: Closing

test.beforeAll(() => {
  const db = openE2eReplica()
  existing = db
    .prepare(
      `SELECT a.number, c.last_name AS lastName, a.region, a.settlement, a.street, a.house, a.flat
         FROM accounts a JOIN customers c ON c.id = a.holder_id
        WHERE a.flat IS NOT NULL AND a.building IS NULL AND a.status = 'open'
        ORDER BY a.search_key LIMIT 1 OFFSET 40`,
    )
    .get() as Existing
  // The last open account with meters: the other specs pick theirs from the first ones.
  const account = db
    .prepare(
      `SELECT a.id, a.number FROM accounts a
        WHERE a.status = 'open' AND ${demoAccount} AND EXISTS (SELECT 1 FROM meters m WHERE m.account_id = a.id AND m.status = 'active')
        ORDER BY a.search_key DESC LIMIT 1`,
    )
    .get() as { id: string; number: string }
  const zones = db
    .prepare(
      `SELECT m.serial_number AS serial, r.zone, max(r.value) AS value
         FROM meters m JOIN readings r ON r.meter_id = m.id
        WHERE m.account_id = ? AND m.status = 'active'
        GROUP BY m.id, r.zone ORDER BY m.serial_number, r.zone`,
    )
    .all(account.id) as Closing['zones']
  closing = { number: account.number, zones }
  db.close()
})

test('registers an account: a bad field is named and kept, a duplicate pointed out, then edited', async ({
  page,
}) => {
  await openRegistration(page)

  await field(page, 'number').fill('9912345678')
  await field(page, 'els').fill('12З')
  await field(page, 'els').press('Enter')
  await expect(page.getByTestId('account-error-els')).toHaveText(
    'ЕЛС: ровно 10 символов: цифры и буквы',
  )
  await expect(field(page, 'els')).toHaveValue('12З')

  await fillAccountFields(page, {
    lastName: existing.lastName,
    firstName: 'Тестовый',
    phone: '8 (999) 000-11-22',
    region: existing.region,
    settlement: existing.settlement,
    street: existing.street,
    house: existing.house,
    flat: existing.flat,
    totalArea: '40',
    livingArea: '45',
    residents: '2',
  })
  await page.getByTestId('account-save').click()
  await expect(page.getByTestId('account-error-livingArea')).toHaveText(
    'Жилая площадь: не может быть больше общей',
  )
  await expect(page.getByTestId('account-save-error')).toBeVisible()
  // Nothing typed was lost.
  await expect(field(page, 'firstName')).toHaveValue('Тестовый')
  await expect(field(page, 'livingArea')).toHaveValue('45')

  await field(page, 'els').fill('')
  await field(page, 'livingArea').fill('30,5')
  await expect(page.getByTestId('account-duplicate').first()).toContainText(existing.number)
  await page.getByTestId('account-save').click()
  await expect(page.getByTestId('account-save-anyway')).toBeVisible()
  await expect(page.getByTestId('card-number')).toHaveCount(0)
  await page.getByTestId('account-save-anyway').click()

  await expect(page.getByTestId('card-number')).toHaveText('9912345678')
  await expect(page.getByTestId('card-holder')).toHaveText(`${existing.lastName} Тестовый`)

  await page.keyboard.press('F8')
  await expect(field(page, 'flat')).toHaveValue(existing.flat)
  await field(page, 'flat').fill('77А')
  await field(page, 'phone').fill('+7 999 000 33 44')
  await page.getByTestId('account-save').click()
  await expect(page.getByTestId('card-address')).toContainText('кв. 77А')
  expect(plain(await page.getByTestId('card-phone').textContent())).toContain('+7 (999) 000-33-44')

  await page.keyboard.press('Escape')
  await searchFor(page, '9990003344', '9912345678')
})

test('closes an account with a final reading per meter zone; it stays findable and readable', async ({
  page,
}) => {
  await loginAsClerk(page)
  await openCard(page, closing.number)
  await page.getByTestId('card-close-account').click()
  await page.getByTestId('close-reason').fill('Выезд, продажа квартиры')

  const [first, ...rest] = closing.zones
  await page
    .getByTestId(`close-final-${first!.serial}-${first!.zone}`)
    .fill(String(first!.value - 1))
  for (const z of rest)
    await page.getByTestId(`close-final-${z.serial}-${z.zone}`).fill(String(z.value + 10))
  await page.getByTestId('close-confirm').click()
  await expect(page.getByTestId('close-field-error').first()).toContainText('меньше предыдущего')
  await expect(page.getByTestId(`close-final-${first!.serial}-${first!.zone}`)).toHaveValue(
    String(first!.value - 1),
  )

  await page
    .getByTestId(`close-final-${first!.serial}-${first!.zone}`)
    .fill(String(first!.value + 25))
  await page.getByTestId('close-confirm').click()
  await expect(page.getByTestId('close-account-dialog')).toHaveCount(0)
  await expect(page.getByTestId('card-closed-banner')).toContainText('Выезд, продажа квартиры')
  // The tag swaps with a transition: wait for the closed one.
  await expect(page.getByTestId('card-status').filter({ hasText: 'Закрыт' })).toBeVisible()
  await expect(page.getByTestId('card-close-account')).toHaveCount(0)

  await page.getByTestId('card-tab-readings').click()
  await expect(page.getByTestId('history-table')).toContainText(String(first!.value + 25))

  await page.keyboard.press('Escape')
  await searchFor(page, closing.number, closing.number)
  await expect(page.getByTestId('search-row').filter({ hasText: closing.number })).toContainText(
    'Закрыт',
  )
})

// Uses the account the first test registered (the specs of a file run in order, one worker).
test('a second clerk saving over the first sees the conflict, keeps what was typed and checks their change', async ({
  page,
  browser,
}) => {
  await loginAsClerk(page)
  await searchFor(page, '9912345678', '9912345678')
  await page.keyboard.press('Enter')
  await page.getByTestId('card-edit').click()
  await field(page, 'residents').fill('5')

  // Meanwhile a colleague at another window changes the same account.
  const other = await browser.newContext()
  const colleague = await other.newPage()
  await loginAsClerk(colleague)
  await searchFor(colleague, '9912345678', '9912345678')
  await colleague.keyboard.press('Enter')
  // F8 belongs to the card: wait for it before pressing.
  await expect(colleague.getByTestId('card-number')).toHaveText('9912345678')
  await colleague.keyboard.press('F8')
  await field(colleague, 'rooms').fill('3')
  await colleague.getByTestId('account-save').click()
  await expect(colleague.getByTestId('card-number')).toHaveText('9912345678')
  await other.close()

  await page.getByTestId('account-save').click()
  await expect(page.getByTestId('account-save-error')).toContainText('Счет уже изменил')
  await expect(field(page, 'residents')).toHaveValue('5')
  await page.getByTestId('account-take-current').click()
  await expect(page.getByTestId('account-their-changes')).toContainText('Комнат')
  await expect(field(page, 'residents')).toHaveValue('5')
  await page.getByTestId('account-save').click()
  await expect(page.getByTestId('card-number')).toHaveText('9912345678')
})
