import { expect, test } from '@playwright/test'
import { openReferenceAsAdmin } from './support'

const plain = (s: string | null) => (s ?? '').replace(/\s+/gu, ' ')

test('an admin prints a test page from the Printers tab and sees the demo price list', async ({
  page,
}) => {
  // No printer chosen on the fresh web dev host: each kind saves as PDF, so does its test page.
  await openReferenceAsAdmin(page, 'printers')
  await expect(page.getByTestId('printer-select-document')).toContainText('Сохранять в PDF')
  await page.getByTestId('printer-test-document').click()
  await expect(page.getByTestId('printer-result-document')).toContainText(
    /Пробная страница сохранена в PDF: .*Пробная_страница_a4.*\.pdf/u,
  )
  await page.getByTestId('printer-test-receipt').click()
  await expect(page.getByTestId('printer-result-receipt')).toContainText(
    /Пробная страница сохранена в PDF: .*Пробная_страница_80mm.*\.pdf/u,
  )

  // The demo price list: every kind priced from 1 January 2020, the control reading free.
  await page.getByTestId('reference-tab-prices').click()
  const rows = page.getByTestId('prices-table').locator('.el-table__row')
  await expect(rows).toHaveCount(6)
  const row = (kind: string) => rows.filter({ hasText: kind })
  await expect(row('Снятие контрольных показаний')).toContainText('Бесплатно')
  expect(plain(await row('Ввод прибора учета в эксплуатацию').textContent())).toContain(
    '1 200,00 ₽',
  )
  expect(plain(await row('Техническая проверка').textContent())).toContain('01.01.2020')
  await expect(page.getByTestId('price-form')).toBeVisible()

  // The new price's choices are named by their labels; the kind picked stands in its select.
  await expect(page.getByRole('combobox', { name: 'Вид заявки' })).toBeVisible()
  await page.getByTestId('price-kind').click()
  await page.getByRole('option', { name: 'Техническая проверка', exact: true }).click()
  await expect(page.getByTestId('price-kind')).toContainText('Техническая проверка')
  await expect(page.getByRole('combobox', { name: 'Поставщик' })).toBeVisible()
})
