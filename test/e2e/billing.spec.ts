import { expect, test } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { sql } from 'drizzle-orm'
import { loadServerDemo } from '../../src-server/admin/demo'
import { runBilling } from '../../src-server/billing/run'
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/connection'
import { queryRow } from '../../src-server/db/query'
import { buildServerApp } from '../../src-server/http/app'
import { issueRegistrationCode } from '../../src-server/workstation/registration-codes'
import { openSqlite } from '../../src-main/db/connection'
import type { Zone } from '../../src-shared/readings/domain'
import { e2ePort } from '../../playwright.config'
import { findReadingCases, today } from './reading-cases'
import { roubles } from './replica'
import { searchFor } from './support'

// The whole path of a reading: entered at a workstation, pushed, billed by the central server's
// period close, pulled back; the card shows the charge and the balance. A workstation of its own
// (web dev host, fresh replica) and a real server on loopback, holding demo data up to today.
let dir: string
let database: ServerDatabase
let serverUrl: string
let closeServer: () => Promise<void>
let host: ChildProcess
let hostUrl: string
let code: string
const period = today.slice(0, 7)

test.beforeAll(async () => {
  test.setTimeout(180_000)
  dir = mkdtempSync(join(tmpdir(), 'energo-billing-'))
  database = await openServerDatabase({ dataDir: join(dir, 'server') })
  await loadServerDemo(database.db, { accounts: 40, seed: 11, months: 7, today })
  const office = (await queryRow<{ id: string }>(
    database.db,
    sql`SELECT id FROM offices ORDER BY id LIMIT 1`,
  ))!
  code = (
    await issueRegistrationCode(database.db, {
      officeId: office.id,
      name: 'Окно 8',
      receiptPrefix: 'BL0008',
    })
  ).code
  const app = await buildServerApp({ db: database.db })
  serverUrl = await app.listen({ host: '127.0.0.1', port: 0 })
  closeServer = () => app.close()
  host = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/webhost/cli.ts',
      '--data-dir',
      join(dir, 'workstation'),
      '--port',
      String(e2ePort + 101),
      '--fresh',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  hostUrl = await new Promise<string>((resolve, reject) => {
    host.once('exit', (c) => reject(new Error(`the web dev host exited with ${c}`)))
    createInterface({ input: host.stdout! }).on('line', (line) => {
      const m = /^Web dev host: (\S+)/.exec(line)
      if (m) resolve(m[1]!)
    })
  })
})

test.afterAll(async () => {
  host?.kill('SIGTERM')
  await closeServer?.()
  await database?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The workstation's replica, read-only, for waiting on what the sync brought. */
function replicaRow<T>(query: string, ...params: unknown[]): T | undefined {
  const db = openSqlite(join(dir, 'workstation', 'replica.sqlite'), { readonly: true })
  try {
    return db.prepare(query).get(...params) as T | undefined
  } finally {
    db.close()
  }
}

test('a reading entered at the workstation is billed by the server and the card shows it', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.goto(hostUrl)
  await page.getByTestId('setup-server').fill(serverUrl)
  await page.getByTestId('setup-code').fill(code)
  await page.getByTestId('setup-register').click()
  await expect(page.getByTestId('login-input')).toBeVisible({ timeout: 60_000 })
  await page.getByTestId('login-input').fill('clerk')
  await page.getByTestId('password-input').fill('clerk123')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('search-input')).toBeVisible()

  // A one-meter account and a value the reading rules take without a question.
  const [c] = findReadingCases(['ok'], join(dir, 'workstation', 'replica.sqlite'))
  const account = c!
  await searchFor(page, account.number, account.number)
  await page.keyboard.press('F4')
  await expect(page.getByTestId('readings-account')).toHaveText(account.number)
  for (const zone of Object.keys(account.values).sort() as Zone[]) {
    const input = page.locator(`input[data-testid="reading-input"][data-zone="${zone}"]`)
    await expect(input).toBeFocused()
    await input.pressSequentially(account.values[zone]!, { delay: 5 })
    await page.keyboard.press('Enter')
  }
  await expect(page.getByTestId('readings-confirm')).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('readings-saved')).toBeVisible()

  // Pushed: the server holds the reading.
  await expect
    .poll(
      async () =>
        Number(
          (await queryRow<{ n: number }>(
            database.db,
            sql`SELECT count(*) AS n FROM readings
                 WHERE account_id = ${account.accountId} AND reading_date = ${today}
                   AND status = 'accepted'`,
          ))!.n,
        ),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0)

  // The period close on the server.
  const [result] = await runBilling(database.db, { period })
  expect(result!.status).toBe('closed')
  const bill = (await queryRow<{ closing: number }>(
    database.db,
    sql`SELECT closing_balance AS closing FROM bills
         WHERE account_id = ${account.accountId} AND period = ${period}`,
  ))!
  const charge = (await queryRow<{ amount: number }>(
    database.db,
    sql`SELECT amount FROM charges WHERE account_id = ${account.accountId} AND period = ${period}
           AND basis = 'meter' AND kind = 'charge' ORDER BY amount DESC LIMIT 1`,
  ))!

  // Pulled back (the workstation syncs every 30 s): the reading billed, the bill there.
  await expect
    .poll(
      () =>
        replicaRow<{ status: string }>(
          `SELECT r.status FROM readings r JOIN bills b ON b.account_id = r.account_id
            WHERE r.account_id = ? AND r.reading_date = ? AND b.period = ?`,
          account.accountId,
          today,
          period,
        )?.status,
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe('billed')

  await page.keyboard.press('F2')
  await searchFor(page, account.number, account.number)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('card-number')).toHaveText(account.number)
  await page.getByTestId('card-tab-balance').click()
  await expect(page.getByTestId('card-closed-periods')).toContainText(
    'Последний закрытый расчетный период',
  )
  await expect(page.getByTestId('card-charges')).toContainText(roubles(Number(charge.amount)))
  await expect(page.getByTestId('card-balance-total')).toContainText(roubles(Number(bill.closing)))
})
