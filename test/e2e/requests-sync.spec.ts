import { expect, test, type Page } from '@playwright/test'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { queryRow } from '../../src-server/db/query'
import { openSqlite } from '../../src-main/db/connection'
import { e2ePort } from '../../playwright.config'
import { today } from './reading-cases'
import { plain } from './replica'
import { openCard, registerAppeal, registerSealingRequest, scans } from './support'
import { registerAndLogIn, startDemoServer, type DemoServer } from './demo-server'

// Issue 19: a clerk registers a paid sealing request and an appeal with two files; a second
// workstation of the branch sees both after sync. Two workstations of one office (web dev hosts,
// each with its own registration code and fresh replica) and a real server on loopback, holding
// the demo data (its price list included: sealing 850,00 ₽).
let server: DemoServer
const workstations: { url: string; code: string }[] = []
let account: { id: string; number: string }

test.beforeAll(async () => {
  test.setTimeout(120_000)
  server = await startDemoServer('requests-sync', { seed: 19, months: 3, today })
  account = (await queryRow<{ id: string; number: string }>(
    server.database.db,
    sql`SELECT id, number FROM accounts WHERE status = 'open' ORDER BY number LIMIT 1`,
  ))!
  // Ports of their own: billing.spec.ts holds e2ePort + 101.
  for (const [i, offset] of [111, 112].entries()) {
    const code = await server.registrationCode(`Окно ${21 + i}`, `RS00${21 + i}`)
    workstations.push({
      url: await server.startHost(`workstation-${i + 1}`, e2ePort + offset),
      code,
    })
  }
})

test.afterAll(async () => {
  await server?.close()
})

/** Registers the workstation to the server with its code, then logs the clerk in. */
const registerAndLogInAt = (page: Page, ws: { url: string; code: string }) =>
  registerAndLogIn(page, ws.url, server, ws.code)

/** The Sync screen's «sync now». */
async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-status').click()
  await page.getByTestId('sync-now').click()
}

/** A count in the second workstation's replica, read-only, for waiting on what the sync brought. */
function replicaCount(query: string, ...params: unknown[]): number {
  const db = openSqlite(join(server.dir, 'workstation-2', 'replica.sqlite'), { readonly: true })
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
  await openCard(page, account.number)
  await page.getByTestId('card-tab-requests').click()
}

const count = async (query: ReturnType<typeof sql>) =>
  Number((await queryRow<{ n: number }>(server.database.db, query))!.n)

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
    await registerAndLogInAt(page2, second)
    await registerAndLogInAt(page, first)

    // Workstation 1: the clerk registers both from the card.
    await openRequestsTab(page)
    const requestNumber = await registerSealingRequest(
      page,
      /Платная услуга: 850,00\s₽ войдет в следующий счет/,
    )
    const appealNumber = await registerAppeal(page, [
      { name: 'заявление.pdf', mimeType: 'application/pdf', buffer: scans.pdf },
      { name: 'скан.png', mimeType: 'image/png', buffer: scans.png },
    ])

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
