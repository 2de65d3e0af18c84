import { expect, test, type Page } from '@playwright/test'
import type { Zone } from '../../src-shared/readings/domain'
import { findReadingCases, today, type ReadingCase } from './reading-cases'
import { openE2eReplica } from './replica'
import { loginAsClerk, searchFor } from './support'

let ok: ReadingCase
let warning: ReadingCase
let supervisor: ReadingCase
let toDelete: ReadingCase

test.beforeAll(() => {
  ;[ok, warning, supervisor, toDelete] = findReadingCases(['ok', 'warning', 'supervisor', 'ok'])
})

function zoneInput(page: Page, zone: Zone) {
  return page.locator(`input[data-testid="reading-input"][data-zone="${zone}"]`)
}

/** From search straight to entry with F4, as at the phone screen. */
async function openEntry(page: Page, c: ReadingCase): Promise<void> {
  await loginAsClerk(page)
  await searchFor(page, c.number, c.number)
  await page.keyboard.press('F4')
  await expect(page.getByTestId('readings-account')).toHaveText(c.number)
}

/** Types each zone and moves on with Enter, as a clerk with the caller on the line. */
async function typeZones(page: Page, values: Partial<Record<Zone, string>>): Promise<void> {
  for (const zone of Object.keys(values).sort() as Zone[]) {
    const input = zoneInput(page, zone)
    await expect(input).toBeFocused()
    await input.pressSequentially(values[zone]!, { delay: 5 })
    await page.keyboard.press('Enter')
  }
}

function savedReadings(c: ReadingCase) {
  const db = openE2eReplica()
  try {
    return db
      .prepare(
        `SELECT r.zone, r.raw_value AS raw, r.source, r.confirm_reason AS reason, o.login AS acceptedBy
           FROM readings r LEFT JOIN operators o ON o.id = r.accepted_by
          WHERE r.meter_id = ? AND r.reading_date = ? ORDER BY r.zone`,
      )
      .all(c.meter.meterId, today)
  } finally {
    db.close()
  }
}

/** The entry says saved; the replica holds what was typed, taken by phone, with its reason. */
async function expectSaved(
  page: Page,
  c: ReadingCase,
  reason: string | null,
  acceptedBy: string | null,
): Promise<void> {
  await expect(page.getByTestId('readings-saved')).toBeVisible()
  const typed = Object.entries(c.values)
    .sort()
    .map(([zone, raw]) => ({ zone, raw, source: 'phone', reason, acceptedBy }))
  expect(savedReadings(c)).toEqual(typed)
}

/** Opens the entry, types the case, and waits for the read-back to judge it `status`. */
async function typeForReadBack(page: Page, c: ReadingCase, status: 'warning' | 'error') {
  await openEntry(page, c)
  await typeZones(page, c.values)
  await expect(page.getByTestId('readings-confirm')).toHaveAttribute('data-status', status)
}

test('a phone reading is typed, read back and saved with the keyboard only', async ({ page }) => {
  await openEntry(page, ok)
  await expect(page.getByTestId('reading-previous').first()).toContainText('Предыдущее')
  await typeZones(page, ok.values)

  const confirm = page.getByTestId('readings-confirm')
  await expect(confirm).toBeVisible()
  for (const value of Object.values(ok.values)) await expect(confirm).toContainText(value!)
  await expect(page.getByTestId('readings-confirm-period')).toContainText('Учтется в периоде')
  await expect(page.getByTestId('readings-estimate')).toContainText('₽')
  await expect(page.getByTestId('readings-reason')).toHaveCount(0)

  await page.keyboard.press('Enter')
  await expectSaved(page, ok, null, null)

  // Enter again: back on the card, the new reading in its history.
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('card-number')).toHaveText(ok.number)
  await page.getByTestId('card-tab-readings').click()
  await expect(page.getByTestId('history-table')).toContainText(Object.values(ok.values)[0]!)
})

test('a suspicious reading is saved only with the reason the caller confirmed; Esc returns to edit', async ({
  page,
}) => {
  await typeForReadBack(page, warning, 'warning')
  await expect(page.getByTestId('readings-issues')).not.toBeEmpty()

  // Esc: back to the fields, nothing saved, the values kept.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('readings-confirm')).toBeHidden()
  const last = Object.keys(warning.values).sort().at(-1) as Zone
  await expect(zoneInput(page, last)).toBeFocused()
  await expect(zoneInput(page, last)).toHaveValue(warning.values[last]!)
  expect(savedReadings(warning)).toEqual([])

  // Enter on the last field again; Enter without a reason is refused, naming the field.
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('readings-reason')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('readings-confirm')).toContainText('Причина: укажите')
  expect(savedReadings(warning)).toEqual([])

  await page.keyboard.type('Абонент подтвердил показания')
  await page.keyboard.press('Enter')
  await expectSaved(page, warning, 'Абонент подтвердил показания', null)
})

test('a reading outside the error band needs the supervisor; a wrong password saves nothing', async ({
  page,
}) => {
  await typeForReadBack(page, supervisor, 'error')

  const login = page.getByTestId('readings-supervisor-login')
  await expect(login).toBeFocused()
  await page.keyboard.type('supervisor')
  await page.keyboard.press('Tab')
  await page.keyboard.type('wrong-password')
  await page.getByTestId('readings-reason').fill('Контрольное снятие не нужно')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('readings-save-error')).toContainText('Старший смены')
  expect(savedReadings(supervisor)).toEqual([])

  await page.getByTestId('readings-supervisor-password').fill('supervisor123')
  await page.keyboard.press('Enter')
  await expectSaved(page, supervisor, 'Контрольное снятие не нужно', 'supervisor')
})

test('digits after the comma typed as integers are caught while typing', async ({ page }) => {
  await openEntry(page, toDelete)
  const first = Object.keys(toDelete.values).sort()[0] as Zone
  await zoneInput(page, first).pressSequentially('9'.repeat(toDelete.meter.intDigits + 1))
  await expect(page.getByTestId('reading-status').first()).toHaveAttribute('data-status', 'error')
  await expect(page.getByTestId('reading-status').first()).toContainText(/запят/)
})

test('a reading entered by mistake is deleted with a reason and stays in the history, marked', async ({
  page,
}) => {
  await openEntry(page, toDelete)
  await typeZones(page, toDelete.values)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('readings-saved')).toBeVisible()
  await page.keyboard.press('Enter')

  await page.getByTestId('card-tab-readings').click()
  const value = Object.values(toDelete.values)[0]!
  const row = page.locator('.el-table__row').filter({ hasText: value }).first()
  await row.getByTestId('history-delete').click()
  const reason = page.getByTestId('delete-reading-reason')
  await reason.fill('Ош')
  await page.getByTestId('delete-reading-confirm').click()
  await expect(page.getByTestId('delete-reading-error')).toContainText('Причина удаления')
  await reason.fill('Абонент ошибся счетчиком')
  await page.getByTestId('delete-reading-confirm').click()
  await expect(row.getByTestId('history-deleted')).toBeVisible()
  await expect(row).toContainText('Абонент ошибся счетчиком')

  await page.getByTestId('card-tab-statistics').click()
  await expect(page.getByTestId('statistics-month')).toHaveCount(12)
  await expect(page.getByTestId('statistics-total')).toContainText('Всего за год')
})
