import { expect, test } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoAccount, openE2eReplica, plain, writeAsServerAnswer } from './replica'
import { loginAs } from './support'

/** The office whose bills are printed, the period, and the accounts billed for it there. */
let office: { id: string; name: string }
let period: string
let billed: { id: string; number: string }[]
/** Two of them moved to bills by e-mail: listed apart, not printed. */
let byEmail: string[]

const bills = 120

test.beforeAll(() => {
  const db = openE2eReplica()
  period = db.prepare('SELECT max(period) FROM charges').pluck().get() as string
  office = db
    .prepare(
      `SELECT o.id, o.name FROM offices o JOIN accounts a ON a.office_id = o.id
        GROUP BY o.id ORDER BY count(*) DESC LIMIT 1`,
    )
    .get() as { id: string; name: string }
  billed = db
    .prepare(
      `SELECT a.id, a.number FROM accounts a
        WHERE a.office_id = ? AND ${demoAccount}
          AND EXISTS (SELECT 1 FROM charges c WHERE c.account_id = a.id AND c.period = ?)
        ORDER BY a.search_key LIMIT ?`,
    )
    .all(office.id, period, bills) as { id: string; number: string }[]
  // Two that gave no delivery consent yet.
  const noConsent = db.prepare(
    `SELECT 1 FROM consents WHERE account_id = ? AND kind IN ('email_bill', 'paper_bill')`,
  )
  byEmail = billed
    .filter((a) => !noConsent.get(a.id))
    .slice(0, 2)
    .map((a) => a.number)
  db.close()
  expect(billed).toHaveLength(bills)
  expect(byEmail).toHaveLength(2)
  // The period close on the central server wrote the bills' headers, and the customers' consents
  // came with the sync.
  writeAsServerAnswer((w) => {
    const bill = w.prepare(
      `INSERT OR IGNORE INTO bills (id, account_id, period, document_number, opening_balance,
                                    charged, penalties, paid, closing_balance, due_date, created_at)
       VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, ?, '2026-11-01T00:00:00.000Z')`,
    )
    for (const a of billed)
      bill.run(
        `e2e-batch-${a.id}`,
        a.id,
        period,
        `${a.number}-${period.replace('-', '')}`,
        `${period}-28`,
      )
    const consent = w.prepare(
      `INSERT INTO consents (id, account_id, kind, given, date, created_at)
       VALUES (?, ?, 'email_bill', 1, '2026-11-02', '2026-11-02T00:00:00.000Z')`,
    )
    for (const a of billed.filter((b) => byEmail.includes(b.number)))
      consent.run(`e2e-batch-email-${a.id}`, a.id)
  })
})

test('a supervisor prints an office’s bills for a period, cancels, resumes, e-mail ones listed apart', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await loginAs(page, 'supervisor', 'supervisor123')
  await page.getByTestId('nav-bill-batch').click()
  await expect(page.getByTestId('bill-batch')).toBeVisible()

  const [year, month] = period.split('-')
  const periodInput = page.getByTestId('bill-batch').getByRole('combobox', { name: 'Период' })
  await periodInput.fill(`${month}.${year}`)
  await periodInput.press('Enter')
  await page.getByTestId('batch-office').click()
  await page.locator('.el-select-dropdown__item').filter({ hasText: office.name }).click()

  // Started, then stopped at once: the jobs in the printer finish, the rest waits.
  await page.getByTestId('batch-start').click()
  await page.getByTestId('batch-cancel').click()
  const resume = page.getByTestId('batch-resume')
  await expect(resume).toBeVisible({ timeout: 120_000 })
  const count = page.getByTestId('batch-count')
  const stopped = /Напечатано (\d+) из (\d+)/.exec(plain(await count.textContent()))!
  const total = Number(stopped[2])
  expect(Number(stopped[1])).toBeLessThan(total)

  // The e-mail ones are listed apart and left out of the count.
  const email = page.getByTestId('batch-email')
  for (const number of byEmail) await expect(email).toContainText(number)
  const listed = plain(await email.locator('tbody').textContent())
  const emailCount = billed.filter((a) => listed.includes(a.number)).length
  expect(total).toBe(bills - emailCount)

  // Resumed: the progress bar reaches the end and every bill is printed once.
  await resume.click()
  await expect(count).toHaveText(`Напечатано ${total} из ${total}`, { timeout: 200_000 })
  await expect(page.getByTestId('batch-progress')).toContainText('100%')
  await expect(resume).toBeHidden()
  const files = (await page.getByTestId('batch-file').allTextContents()).map((t) =>
    plain(t).replace(/^Сохранено в PDF: /, ''),
  )
  expect(files.length).toBeGreaterThan(1)
  const text = files.map((f) => plain(execFileSync('pdftotext', ['-layout', f, '-']).toString()))
  const all = text.join('\n')
  for (const a of billed) {
    const documentNumber = `${a.number}-${period.replace('-', '')}`
    const times = all.split(`Номер документа ${documentNumber}`).length - 1
    expect(times, documentNumber).toBe(listed.includes(a.number) ? 0 : 1)
  }
  expect(all).toContain('Единый платежный документ за')

  // The first bill's QR codes read off the paper: each pays its own supplier for this account.
  const png = join(mkdtempSync(join(tmpdir(), 'batch-')), 'page')
  execFileSync('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', files[0]!, png])
  const image = readdirSync(join(png, '..')).find((f) => f.endsWith('.png'))!
  const codes = execFileSync('zbarimg', [
    '--quiet',
    '--raw',
    '-Sdisable',
    '-Sqrcode.enable',
    join(png, '..', image),
  ])
    .toString('utf8')
    .split('\n')
    .filter((l) => l.startsWith('ST00012|'))
  expect(codes.length).toBeGreaterThan(0)
  const firstPage = plain(
    execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', files[0]!, '-']).toString(),
  )
  const account = /Лицевой счет (\d+)/.exec(firstPage)![1]!
  expect(billed.map((a) => a.number)).toContain(account)
  for (const code of codes) {
    expect(code).toContain(`|PersAcc=${account}|`)
    expect(code).toContain(`|PaymPeriod=${month}${year}|`)
  }
})
