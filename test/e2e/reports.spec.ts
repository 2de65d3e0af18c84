import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import * as XLSX from 'xlsx'
import { officeDayEnd, officeDayStart } from '../../src-shared/audit/office-day'
import { openE2eReplica } from './replica'
import { loginAs } from './support'

const zone = 'Europe/Moscow'
interface Expected {
  from: string
  to: string
  office: { id: string; name: string }
  lines: number
  total: number
}
let expected: Expected

const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`

test.beforeAll(() => {
  // Last month at the workstation's office, counted straight from the replica.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date())
  const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`)
  first.setUTCMonth(first.getUTCMonth() - 1)
  const from = first.toISOString().slice(0, 10)
  const last = new Date(`${today.slice(0, 7)}-01T00:00:00Z`)
  last.setUTCDate(0)
  const to = last.toISOString().slice(0, 10)
  const db = openE2eReplica()
  try {
    const office = db
      .prepare(
        `SELECT f.id, f.name FROM device_state d
           JOIN workstations w ON w.id = d.workstation_id JOIN offices f ON f.id = w.office_id`,
      )
      .get() as Expected['office']
    const sums = db
      .prepare(
        `SELECT count(*) AS lines, coalesce(sum(l.amount), 0) AS total
           FROM payments p JOIN payment_lines l ON l.payment_id = p.id
          WHERE p.office_id = @office AND p.paid_at >= @start AND p.paid_at < @end
            AND p.id NOT IN (SELECT payment_id FROM payment_cancellations)`,
      )
      .get({
        office: office.id,
        start: officeDayStart(from, zone),
        end: officeDayEnd(to, zone),
      }) as { lines: number; total: number }
    expected = { from, to, office, ...sums }
  } finally {
    db.close()
  }
})

test('a supervisor filters the payments register and exports it to Excel', async ({ page }) => {
  // The export's worker compiles its TypeScript on start under the web dev host: slow on a busy machine.
  test.setTimeout(90_000)
  expect(expected.lines, 'the demo office took payments last month').toBeGreaterThan(0)
  await loginAs(page, 'supervisor', 'supervisor123')
  await page.getByTestId('nav-reports').click()
  await expect(page.getByRole('heading', { name: 'Отчеты' })).toBeVisible()

  await page.getByTestId('report-kind').click()
  await page.getByRole('option', { name: 'Реестр платежей', exact: true }).click()
  await page.getByRole('combobox', { name: 'Дата с' }).fill(ru(expected.from))
  const to = page.getByRole('combobox', { name: 'Дата по' })
  await to.fill(ru(expected.to))
  await to.press('Enter')
  await page.getByTestId('report-office').click()
  await page.getByRole('option', { name: expected.office.name, exact: true }).click()
  await page.getByTestId('report-run').click()

  await expect(page.getByTestId('report-row-count')).toContainText(String(expected.lines))
  await expect(page.getByText(`Период: ${ru(expected.from)} – ${ru(expected.to)}`)).toBeVisible()
  await expect(page.getByTestId('report-summary').first()).toBeVisible()
  await expect(page.getByTestId('report-chart')).toBeVisible()

  const download = page.waitForEvent('download')
  await page.getByTestId('report-export').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^Реестр платежей .*\.xlsx$/)
  await expect(page.getByTestId('report-export-result')).toContainText(String(expected.lines))

  const book = XLSX.read(readFileSync((await file.path())!), { cellNF: true })
  expect(book.SheetNames).toEqual(['Платежи'])
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Платежи']!, {
    header: 1,
    raw: true,
    blankrows: true,
  })
  expect(rows).toContainEqual(['Офис', expected.office.name])
  const header = rows.findIndex((r) => r[0] === 'Дата' && r[10] === 'Сумма, руб.')
  const data = rows.slice(header + 1, -1)
  expect(data).toHaveLength(expected.lines)
  expect(data.every((r) => typeof r[10] === 'number' && typeof r[0] === 'number')).toBe(true)
  expect(Math.round((rows.at(-1)![10] as number) * 100)).toBe(expected.total)
  expect(rows.at(-1)![0]).toBe('Итого')

  // The export is in the audit log with its report, filters and rows.
  const db = openE2eReplica()
  try {
    const details = db
      .prepare(
        `SELECT details FROM audit_log WHERE action = 'report.export' ORDER BY at DESC LIMIT 1`,
      )
      .pluck()
      .get() as string
    expect(JSON.parse(details)).toMatchObject({
      report: 'payments',
      rows: expected.lines,
      filters: { from: expected.from, to: expected.to, officeId: expected.office.id },
    })
  } finally {
    db.close()
  }
})

test('each report shows its number filters: the debt in roubles with kopecks, 3 months by default', async ({
  page,
}) => {
  await loginAs(page, 'supervisor', 'supervisor123')
  await page.getByTestId('nav-reports').click()
  await page.getByTestId('report-kind').click()
  await page.getByRole('option', { name: 'Должники', exact: true }).click()
  const debt = page.getByTestId('report-min-debt').locator('input')
  await debt.fill('1500.5')
  await debt.press('Tab')
  await expect(debt).toHaveValue('1500.50')
  await expect(page.getByTestId('report-min-days')).toBeVisible()
  await expect(page.getByTestId('report-months')).toHaveCount(0)

  await page.getByTestId('report-kind').click()
  await page.getByRole('option', { name: 'Поверка счетчиков', exact: true }).click()
  await expect(page.getByTestId('report-months').locator('input')).toHaveValue('3')
  await expect(page.getByTestId('report-min-debt')).toHaveCount(0)
})
