import { expect, test } from '@playwright/test'
import { uuidv7 } from 'uuidv7'
import { openE2eReplica, sampleAccount, writeAsServerAnswer, type SampleAccount } from './replica'
import { loginAs, loginAsClerk } from './support'

const reason = 'Лицевой счет не найден в филиале рабочего места.'
let account: SampleAccount
let commandId: string

// What the server answered for a payment taken offline: a refusal, kept in the outbox.
test.beforeAll(() => {
  const db = openE2eReplica()
  account = sampleAccount(db, 27)
  db.close()
  commandId = uuidv7()
  writeAsServerAnswer((replica) => {
    const device = replica
      .prepare('SELECT device_id AS id, last_sequence AS seq FROM device_state')
      .get() as { id: string; seq: number }
    replica
      .prepare(
        `INSERT INTO outbox (id, device_id, sequence, name, args_version, args, created_at, status,
                             reject_reason, acknowledged_at)
         VALUES (?, ?, ?, 'payment.record', 1, ?, ?, 'rejected', ?, ?)`,
      )
      .run(
        commandId,
        device.id,
        device.seq + 1_000_000,
        JSON.stringify({
          accountId: account.id,
          lines: [{ supplierId: 'x', service: 'electricity', amount: 123_450 }],
          method: 'cash',
        }),
        new Date(Date.now() - 3 * 3_600_000).toISOString(),
        reason,
        new Date().toISOString(),
      )
  })
})

test('the Sync screen shows a rejected payment with the server reason; a supervisor resolves it', async ({
  page,
}) => {
  await loginAsClerk(page)
  await page.getByTestId('sync-status').click()
  await expect(page.getByText('Синхронизация с центральным сервером')).toBeVisible()
  const rejected = page
    .getByTestId('sync-rejected')
    .locator('tr')
    .filter({ hasText: account.number })
  await expect(rejected.getByTestId('sync-operation')).toHaveText('Прием платежа')
  await expect(rejected.getByTestId('sync-reason')).toHaveText(reason)
  await expect(rejected).toContainText('1 234,50')
  // A clerk sees it but leaves it to the supervisor.
  await expect(rejected.getByTestId('sync-resolve')).toHaveCount(0)
  await expect(rejected).toContainText('Ждет старшего смены')

  await page.getByTestId('logout').click()
  await loginAs(page, 'supervisor', 'supervisor123')
  await page.getByTestId('sync-status').click()
  const row = page.getByTestId('sync-rejected').locator('tr').filter({ hasText: account.number })
  await row.getByTestId('sync-resolve').click()
  await page.getByTestId('sync-resolve-save').click()
  await expect(page.getByTestId('sync-resolve-error')).toContainText('Что сделано:')
  await page
    .getByTestId('sync-resolve-note')
    .fill('Деньги возвращены плательщику, расходный ордер 12')
  await page.getByTestId('sync-resolve-kind').click()
  await page.getByRole('option', { name: 'Деньги возвращены' }).click()
  await page.getByTestId('sync-resolve-save').click()
  const resolution = row.getByTestId('sync-resolution')
  await expect(resolution).toContainText('Деньги возвращены')
  await expect(resolution).toContainText('расходный ордер 12')
  await expect(resolution).toContainText('Соколов')
  // The rejection itself stays listed.
  await expect(row.getByTestId('sync-reason')).toHaveText(reason)
})
