import { expect, test, type Page } from '@playwright/test'
import { openE2eReplica, plain } from './replica'
import { loginAs, searchFor } from './support'

/** A demo account with several payable lines (services). */
function multiLineAccount(offset: number): string {
  const db = openE2eReplica()
  try {
    return db
      .prepare(
        `SELECT a.number FROM accounts a
          WHERE a.status = 'open'
            AND (SELECT count(*) FROM account_services s WHERE s.account_id = a.id) >= 2
          ORDER BY a.number LIMIT 1 OFFSET ?`,
      )
      .pluck()
      .get(offset) as string
  } finally {
    db.close()
  }
}

/** Counts the keys pressed, so the test states the key sequence it measures. */
function keyCounter(page: Page) {
  const pressed: string[] = []
  return {
    pressed,
    async press(key: string): Promise<void> {
      pressed.push(key)
      await page.keyboard.press(key)
    },
  }
}

async function ensureShiftOpen(page: Page): Promise<void> {
  await page.getByTestId('nav-shift').click()
  const closed = page.getByTestId('shift-closed')
  const open = page.getByTestId('shift-open-info')
  await expect(closed.or(open)).toBeVisible()
  if (await closed.isVisible()) {
    await page.getByTestId('shift-opening-cash').fill('0')
    await page.getByTestId('shift-open').click()
    await expect(open).toBeVisible()
  }
}

/** The cashier, in an open shift, finds the account and opens its payment by F6. */
async function paymentFromSearch(page: Page, number: string): Promise<void> {
  await loginAs(page, 'cashier', 'cashier123')
  await ensureShiftOpen(page)
  await page.keyboard.press('F2')
  await searchFor(page, number, number)
  await page.keyboard.press('F6')
  await expect(page.getByTestId('payment-account')).toHaveText(number)
}

test('one service of several paid in 4 keys beyond the digits, from F6 in the search results', async ({
  page,
}) => {
  // F6 straight from the search results opens the payment.
  await paymentFromSearch(page, multiLineAccount(1))
  const lines = page.getByTestId('payment-amount')
  expect(await lines.count()).toBeGreaterThanOrEqual(2)
  await expect(lines.first()).toBeFocused()

  // The second service only: ↓, the digits, F8 (only this line), Enter (exact cash), Enter.
  const keys = keyCounter(page)
  await keys.press('ArrowDown')
  await page.keyboard.type('123,45')
  await keys.press('F8')
  await expect(page.getByTestId('payment-cash-given')).toBeFocused()
  await expect(page.getByTestId('payment-total')).toContainText('123,45')
  await keys.press('Enter')
  await expect(page.getByTestId('payment-change')).toContainText('0,00')
  await keys.press('Enter')
  await expect(page.getByTestId('payment-done')).toBeVisible()
  const done = plain(await page.getByTestId('payment-done').textContent())
  expect(done).toContain('123,45')
  const receipt = /№ (\S+),/.exec(done)![1]!
  expect(keys.pressed).toEqual(['ArrowDown', 'F8', 'Enter', 'Enter'])
  expect(keys.pressed.length).toBeLessThanOrEqual(4)

  // Only the second line was paid.
  const db = openE2eReplica()
  const paid = db
    .prepare(
      `SELECT l.amount FROM payment_lines l JOIN payments p ON p.id = l.payment_id
        WHERE p.receipt_number = ? AND l.amount > 0`,
    )
    .pluck()
    .all(receipt)
  db.close()
  expect(paid).toEqual([12_345])
})

test('cash typed and taken by Enter; F7 fills exact cash; errors shown once, cleared by the method', async ({
  page,
}) => {
  await paymentFromSearch(page, multiLineAccount(2))

  // The first line only, 10 ₽; 5 ₽ handed over is refused once, under the cash field.
  await page.keyboard.type('10')
  await page.keyboard.press('F8')
  await page.keyboard.type('5')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('payment-cash-error')).toContainText('Получено наличными')
  await expect(page.getByTestId('payment-error')).toHaveCount(0)

  // Changing the method clears it; back to cash, F7 fills the total exactly.
  await page.getByTestId('payment-method-card').click()
  await expect(page.getByTestId('payment-cash-error')).toHaveCount(0)
  await page.getByTestId('payment-method-cash').click()
  await page.keyboard.press('F7')
  await expect(page.getByTestId('payment-cash-given')).toHaveValue('10,00')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('payment-done')).toBeVisible()
  await expect(page.getByTestId('payment-done-change')).toContainText('0,00')
})

test('a clerk learns on opening the payment that the role takes none', async ({ page }) => {
  const number = multiLineAccount(3)
  await loginAs(page, 'clerk', 'clerk123')
  await page.keyboard.press('F2')
  await searchFor(page, number, number)
  await page.keyboard.press('F6')
  await expect(page.getByTestId('payment-no-rights')).toContainText(
    'не позволяет принимать платежи',
  )
  await expect(page.getByTestId('payment-submit')).toBeDisabled()
})

test('the total and the record button stay in view under a long debt', async ({ page }) => {
  const number = multiLineAccount(4)
  await page.setViewportSize({ width: 1366, height: 420 })
  await loginAs(page, 'cashier', 'cashier123')
  await page.keyboard.press('F2')
  await searchFor(page, number, number)
  await page.keyboard.press('F6')
  await expect(page.getByTestId('payment-account')).toHaveText(number)
  await expect(page.getByTestId('payment-total')).toBeInViewport()
  await expect(page.getByTestId('payment-submit')).toBeInViewport()
})
