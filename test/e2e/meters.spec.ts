import { expect, test, type Page } from '@playwright/test'
import { demoAccount, openE2eReplica } from './replica'
import { fillMeterFields, loginAsClerk, searchFor } from './support'

let account: { id: string; number: string }
const stamp = String(Date.now()).slice(-7)
const firstSerial = `E2E${stamp}A`
const secondSerial = `E2E${stamp}B`

// The second test removes the meter the first one installed.
test.describe.configure({ mode: 'serial' })

test.beforeAll(() => {
  const db = openE2eReplica()
  // An open account with electricity, preferably without meters (fewest first); not one the
  // other specs use (they take the first accounts by search key).
  account = db
    .prepare(
      `SELECT a.id, a.number FROM accounts a
        WHERE a.status = 'open' AND ${demoAccount}
          AND EXISTS (SELECT 1 FROM account_services s WHERE s.account_id = a.id AND s.service = 'electricity')
        ORDER BY (SELECT count(*) FROM meters m WHERE m.account_id = a.id AND m.status = 'active'),
                 a.search_key DESC
        LIMIT 1`,
    )
    .get() as { id: string; number: string }
  db.close()
})

function meterIdOf(serial: string): string {
  const db = openE2eReplica()
  try {
    return db.prepare('SELECT id FROM meters WHERE serial_number = ?').pluck().get(serial) as string
  } finally {
    db.close()
  }
}

async function openCard(page: Page): Promise<void> {
  await loginAsClerk(page)
  await searchFor(page, account.number, account.number)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('card-number')).toContainText(account.number)
}

async function chooseZones(page: Page, dialog: string, label: string): Promise<void> {
  await page.getByTestId(dialog).getByTestId('meter-zones').click()
  await page.getByRole('option', { name: label, exact: true }).click()
}

const fieldError = (page: Page, field: string) =>
  page.locator(`[data-testid="meter-error"][data-field="${field}"]`)

const passport = (page: Page, serial: string) =>
  page.getByTestId('card-meter').filter({ hasText: serial })

test('install a 2-zone meter, replace it, and measure the next reading from the new one', async ({
  page,
}) => {
  await openCard(page)
  await page.getByTestId('meters-install').click()
  const dialog = page.getByTestId('install-meter-dialog')
  await expect(page.getByTestId('meter-model')).toBeFocused()

  // Typed with the keyboard: Enter moves to the next field.
  await page.keyboard.type('Меркурий 201.8')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('meter-serialNumber')).toBeFocused()
  await page.keyboard.type(firstSerial)
  await page.keyboard.press('Enter')
  // A bad field first: the message names it and what was typed stays.
  await page.keyboard.type('12')
  await page.keyboard.press('Enter')
  await expect(fieldError(page, 'intDigits')).toHaveText('Знаков до запятой: от 1 до 9')
  await expect(page.getByTestId('meter-intDigits')).toHaveValue('12')

  await chooseZones(page, 'install-meter-dialog', 'Двухтарифный')
  await fillMeterFields(page, {
    fracDigits: '1',
    verifiedAt: '01.10.2026',
    verificationIntervalYears: '16',
    // «ВЭ 0012345» is one seal: a space never splits it, a comma does.
    seals: 'ВЭ 0012345, 0012346',
    'initial-T1': '100',
    'initial-T2': '50',
  })
  await page.getByTestId('meter-save').click()
  await expect(page.getByTestId('meter-form-error')).toHaveText('Знаков до запятой: от 1 до 9')
  await expect(page.getByTestId('meter-model')).toHaveValue('Меркурий 201.8')
  await expect(page.getByTestId('meter-serialNumber')).toHaveValue(firstSerial)
  await expect(page.getByTestId('meter-initial-T1')).toHaveValue('100')

  await page.getByTestId('meter-intDigits').fill('6')
  await expect(fieldError(page, 'intDigits')).toHaveCount(0)
  await page.getByTestId('meter-initial-T2').press('Control+Enter')
  await expect(dialog).toBeHidden()

  const first = passport(page, firstSerial)
  await expect(first).toContainText('Меркурий 201.8')
  await expect(first).toContainText('Установлен')
  await expect(first).toContainText('ВЭ 0012345, 0012346')
  await expect(first.locator('[data-verification]')).toHaveAttribute('data-verification', 'valid')
  await expect(first.getByTestId('card-meter-last-readings')).toContainText('T1: 100')

  // Replace: the old meter's final readings and the new meter in one form.
  await first.getByTestId('meter-replace').click()
  const replace = page.getByTestId('replace-meter-dialog')
  await expect(page.getByTestId('meter-final-T1')).toBeFocused()
  await page.keyboard.type('90')
  await page.keyboard.press('Tab')
  await expect(fieldError(page, 'finalReadings.T1')).toContainText(
    'Конечное показание T1: меньше предыдущего показания 100',
  )
  await fillMeterFields(page, {
    'final-T1': '150',
    'final-T2': '70',
    model: 'Нева МТ 124',
    serialNumber: secondSerial,
    intDigits: '6',
    fracDigits: '0',
    verifiedAt: '15.09.2026',
    verificationIntervalYears: '16',
    'initial-T1': '5',
    'initial-T2': '3',
  })
  await page.getByTestId('meter-save').click()
  await expect(replace).toBeHidden()

  // The old meter stays in the card's history, removed, with its final readings.
  const old = passport(page, firstSerial)
  await expect(old).toContainText('Снят')
  await expect(old.getByTestId('card-meter-removed-at')).toBeVisible()
  await expect(old.getByTestId('card-meter-last-readings')).toContainText('T1: 150')
  await expect(old.getByTestId('card-meter-last-readings')).toContainText('T2: 70')
  await expect(old.getByTestId('meter-replace')).toHaveCount(0)
  const fresh = passport(page, secondSerial)
  await expect(fresh).toContainText('Установлен')
  await expect(fresh.locator('[data-verification]')).toHaveAttribute('data-verification', 'valid')

  // F4: the new meter measured from its initial readings; the removed one is not offered.
  await page.keyboard.press('F4')
  await expect(page.getByTestId('readings-account')).toHaveText(account.number)
  const newId = meterIdOf(secondSerial)
  await expect(
    page.locator(`[data-testid="reading-meter"][data-meter-id="${meterIdOf(firstSerial)}"]`),
  ).toHaveCount(0)
  const meter = page.locator(`[data-testid="reading-meter"][data-meter-id="${newId}"]`)
  await expect(meter.getByTestId('reading-previous').first()).toContainText('5')
  await meter.locator('input[data-zone="T1"]').fill('25')
  await meter.locator('input[data-zone="T2"]').fill('10')
  const confirm = page.getByTestId('readings-confirm')
  for (let i = 0; i < 10 && !(await confirm.isVisible()); i++) {
    await page.keyboard.press('Enter')
  }
  await expect(confirm).toBeVisible()
  await expect(
    confirm.locator('[data-testid="readings-confirm-zone"][data-zone="T1"]'),
  ).toContainText('20')
  await expect(
    confirm.locator('[data-testid="readings-confirm-zone"][data-zone="T2"]'),
  ).toContainText('7')
  await expect(confirm.getByTestId('readings-confirm-total')).toHaveText('27')
})

test('remove a meter with its final reading and reason; Esc leaves the form, not the card', async ({
  page,
}) => {
  await openCard(page)
  const meter = passport(page, secondSerial)
  await meter.getByTestId('meter-remove').click()
  const dialog = page.getByTestId('remove-meter-dialog')
  await expect(page.getByTestId('meter-final-T1')).toBeFocused()
  await page.keyboard.type('30')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('card-number')).toContainText(account.number)

  await meter.getByTestId('meter-remove').click()
  await expect(page.getByTestId('meter-final-T1')).toBeFocused()
  await page.keyboard.type('30')
  await page.keyboard.press('Enter')
  await page.keyboard.type('12')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('meter-removedAt')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('meter-reason')).toBeFocused()
  // Enter on the last field saves: the empty reason is refused, naming the field.
  await page.keyboard.press('Enter')
  await expect(fieldError(page, 'reason')).toHaveText('Причина снятия: не заполнено')
  await expect(page.getByTestId('meter-final-T2')).toHaveValue('12')
  await page.keyboard.type('Истек срок поверки')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()

  await expect(meter).toContainText('Снят')
  await expect(meter.getByTestId('card-meter-last-readings')).toContainText('T1: 30')
  await expect(meter.getByTestId('meter-remove')).toHaveCount(0)
})
