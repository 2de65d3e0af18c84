import { expect, test } from '@playwright/test'
import { openE2eReplica, sampleAccount, writeAsServerAnswer } from './replica'
import { loginAs } from './support'

const zone = 'Europe/Moscow'
const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`

let yesterday: string
let account: { id: string; number: string }
let clerkName: string

test.beforeAll(() => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date())
  const day = new Date(`${today}T12:00:00Z`)
  day.setUTCDate(day.getUTCDate() - 1)
  yesterday = day.toISOString().slice(0, 10)
  const db = openE2eReplica()
  try {
    account = sampleAccount(db, 11)
  } finally {
    db.close()
  }
  // Yesterday at 11:30 in the office the demo clerk opened this account's card at this desk.
  writeAsServerAnswer((replica) => {
    const clerk = replica
      .prepare(`SELECT id, full_name AS name FROM operators WHERE login = 'clerk'`)
      .get() as { id: string; name: string }
    clerkName = clerk.name
    const device = replica
      .prepare('SELECT device_id AS id, workstation_id AS workstationId FROM device_state')
      .get() as { id: string; workstationId: string }
    replica
      .prepare(
        `INSERT INTO audit_log (id, at, operator_id, workstation_id, device_id, action, entity,
                                entity_id, account_id)
         VALUES (?, ?, ?, ?, ?, 'account.view', 'account', ?, ?)`,
      )
      .run(
        `e2e-viewed-${Date.now()}`,
        `${yesterday}T08:30:00.000Z`,
        clerk.id,
        device.workstationId,
        device.id,
        account.id,
        account.id,
      )
  })
})

test('a supervisor finds who viewed an account yesterday', async ({ page }) => {
  await loginAs(page, 'supervisor', 'supervisor123')
  await page.getByTestId('nav-reports').click()
  await page.getByTestId('report-kind').click()
  await page.getByRole('option', { name: 'Кто смотрел (персональные данные)' }).click()
  await page.getByRole('combobox', { name: 'Дата с' }).fill(ru(yesterday))
  const to = page.getByRole('combobox', { name: 'Дата по' })
  await to.fill(ru(yesterday))
  await to.press('Enter')
  await page.getByRole('textbox', { name: 'Лицевой счет' }).fill(account.number)
  await page.getByTestId('report-run').click()

  const table = page.getByTestId('report-table')
  await expect(page.getByTestId('report-row-count')).toContainText('1')
  await expect(table).toContainText(clerkName)
  await expect(table).toContainText('Просмотр карточки счета')
  await expect(table).toContainText(account.number)
  await expect(page.getByText(`Лицевой счет: ${account.number}`)).toBeVisible()
})
