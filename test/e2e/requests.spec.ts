import { expect, test } from '@playwright/test'
import {
  openE2eReplica,
  plain,
  sampleAccount,
  writeAsServerAnswer,
  type SampleAccount,
} from './replica'
import { loginAs, loginAsClerk, searchFor } from './support'

let account: SampleAccount
let older: SampleAccount
const oldAppeal = 'О-ZZ-31'

const pdf = Buffer.from('%PDF-1.4\n% заявление\n%%EOF\n')
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
])
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)])

const day = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

// What a sync brings: a later price list (global rows, over the demo's of 2020) and an appeal
// another desk took 31 days ago.
test.beforeAll(() => {
  const db = openE2eReplica()
  account = sampleAccount(db, 41)
  older = sampleAccount(db, 42)
  db.close()
  writeAsServerAnswer((replica) => {
    const supplierId = replica.prepare('SELECT id FROM suppliers ORDER BY id LIMIT 1').pluck().get()
    replica
      .prepare(
        `INSERT OR IGNORE INTO price_list (id, kind, valid_from, price, supplier_id) VALUES
           ('e2e-sealing', 'sealing', '2021-01-01', 150000, @s),
           ('e2e-control', 'control_reading', '2021-01-01', 0, @s)`,
      )
      .run({ s: supplierId })
    const registered = Date.now() - 31 * day
    replica
      .prepare(
        `INSERT OR IGNORE INTO appeals (id, account_id, number, topic, text, reply_channel,
           reply_address, status, registered_at, registered_on, due_on, updated_at)
         VALUES ('e2e-appeal-31', ?, ?, 'billing', 'Старое обращение', 'letter', 'г. Конаково',
                 'registered', ?, ?, ?, ?)`,
      )
      .run(
        older.id,
        oldAppeal,
        new Date(registered).toISOString(),
        isoDay(registered),
        isoDay(registered + 30 * day),
        new Date(registered).toISOString(),
      )
  })
})

test('a clerk registers a paid sealing request and an appeal with two files from the card', async ({
  page,
}) => {
  await loginAsClerk(page)
  await searchFor(page, account.number, account.number)
  await page.keyboard.press('Enter')
  await page.getByTestId('card-tab-requests').click()

  await page.getByTestId('request-new').click()
  await page.getByTestId('request-kind').click()
  await page.getByRole('option', { name: 'Опломбировка прибора учета', exact: true }).click()
  // The price is shown before the request is taken.
  await expect(page.getByTestId('request-price')).toHaveText(
    /Платная услуга: 1\s500,00\s₽ войдет в следующий счет/,
  )
  await page.getByTestId('request-phone').fill('+7 910 123-45-67')
  await page.getByTestId('request-dates').fill('после 15-го')
  await page.getByTestId('request-dates').press('Enter')
  await expect(page.getByTestId('requests-notice')).toContainText(/Заявка № З-.+ зарегистрирована/)
  const requestRow = page.getByTestId('requests-table').locator('tbody tr').first()
  expect(plain(await requestRow.textContent())).toContain('1 500,00 ₽')
  await expect(requestRow).toContainText('Новая')

  await page.getByTestId('appeal-new').click()
  await page.getByTestId('appeal-topic').click()
  await page.getByRole('option', { name: 'Начисления', exact: true }).click()
  await page.getByTestId('appeal-text').fill('Прошу пересчитать август.')
  await page.getByTestId('appeal-address').fill('+7 910 123-45-67')
  const files = page.getByTestId('appeal-files')
  // An .exe renamed .pdf is refused by its content, named.
  await files.setInputFiles({ name: 'договор.pdf', mimeType: 'application/pdf', buffer: exe })
  await expect(page.getByTestId('appeal-error')).toContainText(
    'Файл «договор.pdf»: это не PDF, JPG, PNG или TIF',
  )
  // A PNG named .pdf is fine: the content decides.
  await files.setInputFiles([
    { name: 'заявление.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'скан.pdf', mimeType: 'application/pdf', buffer: png },
  ])
  await expect(page.getByTestId('appeal-file-list').locator('li')).toHaveText([
    'заявление.pdf',
    'скан.pdf',
  ])
  await page.getByTestId('appeal-submit').click()
  await expect(page.getByTestId('requests-notice')).toContainText(
    /Обращение № О-.+ зарегистрировано, ответить до \d\d\.\d\d\.\d{4}/,
  )
  const appealRow = page.getByTestId('appeals-table').locator('tbody tr').first()
  await expect(appealRow.getByTestId('appeal-attachment')).toHaveCount(2)
  await expect(appealRow).toContainText('Зарегистрировано')

  const db = openE2eReplica()
  const outbox = db
    .prepare(
      `SELECT name FROM outbox WHERE name IN ('serviceRequest.register', 'appeal.register')
        ORDER BY sequence`,
    )
    .pluck()
    .all()
  db.close()
  expect(outbox).toEqual(['serviceRequest.register', 'appeal.register'])
})

test("the supervisor's follow-up list shows an appeal registered 31 days ago as overdue", async ({
  page,
}) => {
  await loginAs(page, 'supervisor', 'supervisor123')
  await page.getByTestId('nav-follow-up').click()
  const row = page
    .getByTestId('follow-up-appeals')
    .locator('tbody tr')
    .filter({ hasText: oldAppeal })
  await expect(row).toContainText('Просрочено')
  await expect(row).toContainText(older.number)
})
