import { expect, test } from '@playwright/test'
import { openE2eReplica, plain, sampleAccount, type SampleAccount } from './replica'
import { loginAsClerk, searchFor } from './support'

interface Latest {
  account: SampleAccount
  readingValue: string
  chargeAmount: number
  paymentAmount: number
}

let latest: Latest
test.beforeAll(() => {
  const db = openE2eReplica()
  const account = sampleAccount(db, 11)
  const q = (sql: string) => db.prepare(sql).get({ id: account.id }) as Record<string, unknown>
  latest = {
    account,
    readingValue: q(
      'SELECT raw_value AS v FROM readings WHERE account_id = @id ORDER BY reading_date DESC LIMIT 1',
    ).v as string,
    chargeAmount: q(
      'SELECT amount AS a FROM charges WHERE account_id = @id ORDER BY period DESC, service, kind LIMIT 1',
    ).a as number,
    paymentAmount: q(
      'SELECT amount AS a FROM payments WHERE account_id = @id ORDER BY paid_at DESC LIMIT 1',
    ).a as number,
  }
  db.close()
})

test('the card shows the readings, charges and payments the replica holds', async ({ page }) => {
  await loginAsClerk(page)
  await searchFor(page, latest.account.number, latest.account.number)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('card-number')).toContainText(latest.account.number)

  await page.getByTestId('card-tab-readings').click()
  await expect(page.getByTestId('history-table')).toContainText(latest.readingValue)

  await page.getByTestId('card-tab-balance').click()
  const amount = (latest.chargeAmount / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2 })
  expect(plain(await page.getByTestId('card-charges').textContent())).toContain(plain(amount))

  await page.getByTestId('card-tab-payments').click()
  const paid = (latest.paymentAmount / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2 })
  expect(plain(await page.getByTestId('card-payments').textContent())).toContain(plain(paid))

  await page.keyboard.press('Escape')
  await expect(page.getByTestId('search-input')).toHaveValue(latest.account.number)
})
