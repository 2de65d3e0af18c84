import { expect, test, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { sql } from 'drizzle-orm'
import { loadServerDemo } from '../../src-server/admin/demo'
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/connection'
import { queryRow } from '../../src-server/db/query'
import { buildServerApp } from '../../src-server/http/app'
import { issueRegistrationCode } from '../../src-server/workstation/registration-codes'
import { openSqlite } from '../../src-main/db/connection'
import { e2ePort } from '../../playwright.config'
import { today } from './reading-cases'
import { plain } from './replica'
import { searchFor } from './support'

// Issue 19: a clerk registers a paid sealing request and an appeal with two files; a second
// workstation of the branch sees both after sync. Two workstations of one office (web dev hosts,
// each with its own registration code and fresh replica) and a real server on loopback, holding
// the demo data (its price list included: sealing 850,00 ₽).
let dir: string
let database: ServerDatabase
let serverUrl: string
let closeServer: () => Promise<void>
const hosts: ChildProcess[] = []
const workstations: { url: string; code: string }[] = []
let account: { id: string; number: string }

const pdf = Buffer.from('%PDF-1.4\n% заявление\n%%EOF\n')
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
])

/** A web dev host over a fresh replica of its own; resolves with the address it prints. */
function startHost(name: string, port: number): Promise<string> {
  const host = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/webhost/cli.ts',
      '--data-dir',
      join(dir, name),
      '--port',
      String(port),
      '--fresh',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  hosts.push(host)
  return new Promise<string>((resolve, reject) => {
    host.once('exit', (c) => reject(new Error(`the web dev host ${name} exited with ${c}`)))
    createInterface({ input: host.stdout! }).on('line', (line) => {
      const m = /^Web dev host: (\S+)/.exec(line)
      if (m) resolve(m[1]!)
    })
  })
}

test.beforeAll(async () => {
  test.setTimeout(120_000)
  dir = mkdtempSync(join(tmpdir(), 'energo-requests-sync-'))
  database = await openServerDatabase({ dataDir: join(dir, 'server') })
  await loadServerDemo(database.db, { accounts: 40, seed: 19, months: 3, today })
  const office = (await queryRow<{ id: string }>(
    database.db,
    sql`SELECT id FROM offices ORDER BY id LIMIT 1`,
  ))!
  account = (await queryRow<{ id: string; number: string }>(
    database.db,
    sql`SELECT id, number FROM accounts WHERE status = 'open' ORDER BY number LIMIT 1`,
  ))!
  const app = await buildServerApp({ db: database.db })
  serverUrl = await app.listen({ host: '127.0.0.1', port: 0 })
  closeServer = () => app.close()
  // Ports of their own: billing.spec.ts holds e2ePort + 101.
  for (const [i, offset] of [111, 112].entries()) {
    const { code } = await issueRegistrationCode(database.db, {
      officeId: office.id,
      name: `Окно ${21 + i}`,
      receiptPrefix: `RS00${21 + i}`,
    })
    workstations.push({ url: await startHost(`workstation-${i + 1}`, e2ePort + offset), code })
  }
})

test.afterAll(async () => {
  for (const host of hosts) host.kill('SIGTERM')
  await closeServer?.()
  await database?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Registers the workstation to the server with its code, then logs the clerk in. */
async function registerAndLogIn(page: Page, ws: { url: string; code: string }): Promise<void> {
  await page.goto(ws.url)
  await page.getByTestId('setup-server').fill(serverUrl)
  await page.getByTestId('setup-code').fill(ws.code)
  await page.getByTestId('setup-register').click()
  await expect(page.getByTestId('login-input')).toBeVisible({ timeout: 60_000 })
  await page.getByTestId('login-input').fill('clerk')
  await page.getByTestId('password-input').fill('clerk123')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('search-input')).toBeVisible()
}

/** The Sync screen's «sync now». */
async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-status').click()
  await page.getByTestId('sync-now').click()
}

/** A count in the second workstation's replica, read-only, for waiting on what the sync brought. */
function replicaCount(query: string, ...params: unknown[]): number {
  const db = openSqlite(join(dir, 'workstation-2', 'replica.sqlite'), { readonly: true })
  try {
    return db
      .prepare(query)
      .pluck()
      .get(...params) as number
  } finally {
    db.close()
  }
}

async function openRequestsTab(page: Page): Promise<void> {
  await page.keyboard.press('F2')
  await searchFor(page, account.number, account.number)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('card-number')).toHaveText(account.number)
  await page.getByTestId('card-tab-requests').click()
}

const count = async (query: ReturnType<typeof sql>) =>
  Number((await queryRow<{ n: number }>(database.db, query))!.n)

test('a paid sealing request and an appeal with two files reach the second workstation of the branch', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000)
  const [first, second] = workstations as [(typeof workstations)[0], (typeof workstations)[0]]

  // Both workstations registered and logged in; the second in a browser of its own.
  const other = await browser.newContext()
  try {
    const page2 = await other.newPage()
    await registerAndLogIn(page2, second)
    await registerAndLogIn(page, first)

    // Workstation 1: the clerk registers both from the card.
    await openRequestsTab(page)
    await page.getByTestId('request-new').click()
    await page.getByTestId('request-kind').click()
    await page.getByRole('option', { name: 'Опломбировка прибора учета', exact: true }).click()
    await expect(page.getByTestId('request-price')).toHaveText(
      /Платная услуга: 850,00\s₽ войдет в следующий счет/,
    )
    await page.getByTestId('request-phone').fill('+7 910 123-45-67')
    await page.getByTestId('request-dates').fill('после 15-го')
    await page.getByTestId('request-dates').press('Enter')
    await expect(page.getByTestId('requests-notice')).toContainText(
      /Заявка № З-.+ зарегистрирована/,
    )
    const requestNumber = /№ (\S+)/.exec(
      (await page.getByTestId('requests-notice').textContent())!,
    )![1]!

    await page.getByTestId('appeal-new').click()
    await page.getByTestId('appeal-topic').click()
    await page.getByRole('option', { name: 'Начисления', exact: true }).click()
    await page.getByTestId('appeal-text').fill('Прошу пересчитать август.')
    await page.getByTestId('appeal-address').fill('+7 910 123-45-67')
    await page.getByTestId('appeal-files').setInputFiles([
      { name: 'заявление.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'скан.png', mimeType: 'image/png', buffer: png },
    ])
    await expect(page.getByTestId('appeal-file-list').locator('li')).toHaveText([
      'заявление.pdf',
      'скан.png',
    ])
    await page.getByTestId('appeal-submit').click()
    await expect(page.getByTestId('requests-notice')).toContainText(
      /Обращение № О-.+ зарегистрировано/,
    )
    const appealNumber = /№ (\S+)/.exec(
      (await page.getByTestId('requests-notice').textContent())!,
    )![1]!

    // Pushed: the server holds the request, the appeal and both files.
    await syncNow(page)
    await expect
      .poll(
        async () => [
          await count(sql`SELECT count(*) AS n FROM service_requests
                         WHERE account_id = ${account.id} AND number = ${requestNumber}`),
          await count(sql`SELECT count(*) AS n FROM appeals
                         WHERE account_id = ${account.id} AND number = ${appealNumber}`),
          await count(sql`SELECT count(*) AS n FROM attachment_files`),
        ],
        { timeout: 45_000, intervals: [1000] },
      )
      .toEqual([1, 1, 2])

    // Workstation 2: after its sync the card's tab shows both.
    await syncNow(page2)
    await expect
      .poll(
        () => [
          replicaCount('SELECT count(*) FROM service_requests WHERE number = ?', requestNumber),
          replicaCount('SELECT count(*) FROM appeals WHERE number = ?', appealNumber),
          replicaCount(
            `SELECT count(*) FROM appeal_attachments f JOIN appeals a ON a.id = f.appeal_id
              WHERE a.number = ?`,
            appealNumber,
          ),
        ],
        { timeout: 45_000, intervals: [1000] },
      )
      .toEqual([1, 1, 2])
    await openRequestsTab(page2)
    const requestRow = page2
      .getByTestId('requests-table')
      .locator('tbody tr')
      .filter({ hasText: requestNumber })
    await expect(requestRow).toContainText('Опломбировка прибора учета')
    await expect(requestRow).toContainText('Новая')
    expect(plain(await requestRow.textContent())).toContain('850,00 ₽')
    const appealRow = page2
      .getByTestId('appeals-table')
      .locator('tbody tr')
      .filter({ hasText: appealNumber })
    await expect(appealRow).toContainText('Зарегистрировано')
    const files = appealRow.getByTestId('appeal-attachment')
    await expect(files).toHaveCount(2)
    expect((await files.allTextContents()).map((t) => t.trim()).sort()).toEqual([
      'заявление.pdf',
      'скан.png',
    ])

    // This workstation has not got the bytes: opening the file fetches it from the server.
    const opened = other.waitForEvent('page')
    await files.filter({ hasText: 'скан.png' }).click()
    const tab = await opened
    expect(tab.url()).toMatch(/^blob:/)
    await expect(page2.locator('.el-alert--error')).toHaveCount(0)
  } finally {
    await other.close()
  }
})
