import { expect, test } from '@playwright/test'
import {
  openE2eReplica,
  plain,
  sampleAccount,
  writeAsServerAnswer,
  type SampleAccount,
} from './replica'
import {
  attachToAppeal,
  loginAs,
  loginAsClerk,
  openCard,
  registerSealingRequest,
  scans,
  startAppeal,
  submitAppeal,
} from './support'

let account: SampleAccount
let older: SampleAccount
const oldAppeal = 'О-ZZ-31'

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
  await openCard(page, account.number)
  await page.getByTestId('card-tab-requests').click()

  await registerSealingRequest(page, /Платная услуга: 1\s500,00\s₽ войдет в следующий счет/)
  const requestRow = page.getByTestId('requests-table').locator('tbody tr').first()
  expect(plain(await requestRow.textContent())).toContain('1 500,00 ₽')
  await expect(requestRow).toContainText('Новая')

  await startAppeal(page)
  // An .exe renamed .pdf is refused by its content, named.
  await page
    .getByTestId('appeal-files')
    .setInputFiles({ name: 'договор.pdf', mimeType: 'application/pdf', buffer: exe })
  await expect(page.getByTestId('appeal-error')).toContainText(
    'Файл «договор.pdf»: это не PDF, JPG, PNG или TIF',
  )
  // A PNG named .pdf is fine: the content decides.
  await attachToAppeal(page, [
    { name: 'заявление.pdf', mimeType: 'application/pdf', buffer: scans.pdf },
    { name: 'скан.pdf', mimeType: 'application/pdf', buffer: scans.png },
  ])
  await submitAppeal(page, /Обращение № О-.+ зарегистрировано, ответить до \d\d\.\d\d\.\d{4}/)
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
