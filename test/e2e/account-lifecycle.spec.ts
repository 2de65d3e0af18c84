import { expect, test } from '@playwright/test'
import { fillAccountFields, fillMeterFields, openRegistration } from './support'

const stamp = String(Date.now()).slice(-6)
const number = `98${stamp}01`
const firstSerial = `LC${stamp}A`
const secondSerial = `LC${stamp}B`

/** A meter's fields for whole kWh (no digits after the comma), verified on `date` for 16 years. */
const wholeVerified = (date: string) => ({
  fracDigits: '0',
  verifiedAt: date,
  verificationIntervalYears: '16',
})

test('a new account with a 2-zone meter is edited, its meter replaced, and the history shows it all', async ({
  page,
}) => {
  // Register: a new customer at a new address.
  await openRegistration(page)
  await fillAccountFields(page, {
    number,
    lastName: `Жизненный${stamp}`,
    firstName: 'Цикл',
    region: 'Тверская обл.',
    settlement: 'г. Конаково',
    street: `ул. Испытателей ${stamp}`,
    house: '1',
    flat: '2',
    totalArea: '52,4',
    residents: '2',
  })
  await page.getByTestId('account-save').click()
  await expect(page.getByTestId('card-number')).toHaveText(number)

  // Install a two-zone meter with its initial readings.
  await page.getByTestId('meters-install').click()
  await fillMeterFields(page, {
    model: 'Меркурий 201.8',
    serialNumber: firstSerial,
    intDigits: '6',
  })
  await page.getByTestId('install-meter-dialog').getByTestId('meter-zones').click()
  await page.getByRole('option', { name: 'Двухтарифный', exact: true }).click()
  await fillMeterFields(page, {
    ...wholeVerified('01.10.2026'),
    'initial-T1': '100',
    'initial-T2': '40',
  })
  await page.getByTestId('meter-save').click()
  await expect(page.getByTestId('install-meter-dialog')).toBeHidden()
  const meter = (serial: string) => page.getByTestId('card-meter').filter({ hasText: serial })
  await expect(meter(firstSerial)).toContainText('Установлен')

  // Edit: one more resident.
  await page.keyboard.press('F8')
  await fillAccountFields(page, { residents: '3' })
  await page.getByTestId('account-save').click()
  await expect(page.getByTestId('card-number')).toHaveText(number)

  // Replace the meter: the old one's final readings and the new one in one form.
  await meter(firstSerial).getByTestId('meter-replace').click()
  await fillMeterFields(page, {
    'final-T1': '180',
    'final-T2': '75',
    model: 'Нева МТ 124',
    serialNumber: secondSerial,
    intDigits: '6',
    ...wholeVerified('15.11.2026'),
    'initial-T1': '0',
    'initial-T2': '0',
  })
  await page.getByTestId('meter-save').click()
  await expect(page.getByTestId('replace-meter-dialog')).toBeHidden()
  await expect(meter(firstSerial)).toContainText('Снят')
  await expect(meter(secondSerial)).toContainText('Установлен')

  // The account's history: every operation, newest first, by this clerk.
  await page.getByTestId('card-tab-history').click()
  const operations = page.getByTestId('audit-operation')
  await expect(operations.filter({ hasText: 'Замена счетчика' })).toHaveCount(1)
  const done = (await operations.allTextContents()).filter((o) => o !== 'Просмотр карточки счета')
  // A replacement is recorded as the replacement and the new meter's installation, together.
  expect(done.slice(0, 2).sort()).toEqual(['Замена счетчика', 'Установка счетчика'])
  expect(done.slice(2)).toEqual([
    'Изменение лицевого счета',
    'Установка счетчика',
    'Открытие лицевого счета',
  ])
  await expect(page.getByTestId('audit-table')).toContainText('Иванова Мария Петровна')
})
