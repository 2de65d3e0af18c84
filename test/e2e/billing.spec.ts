import { expect, test } from '@playwright/test'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { runBilling } from '../../src-server/billing/run'
import { queryRow } from '../../src-server/db/query'
import { openSqlite } from '../../src-main/db/connection'
import type { Zone } from '../../src-shared/readings/domain'
import { e2ePort } from '../../playwright.config'
import { findReadingCases, today } from './reading-cases'
import { roubles } from './replica'
import { openCard, searchFor } from './support'
import { registerAndLogIn, startDemoServer, type DemoServer } from './demo-server'

// The whole path of a reading: entered at a workstation, pushed, billed by the central server's
// period close, pulled back; the card shows the charge and the balance. A workstation of its own
// (web dev host, fresh replica) and a real server on loopback, holding demo data up to today.
let server: DemoServer
let hostUrl: string
let code: string
const period = today.slice(0, 7)

test.beforeAll(async () => {
  test.setTimeout(180_000)
  server = await startDemoServer('billing', { seed: 11, months: 7, today })
  code = await server.registrationCode('Окно 8', 'BL0008')
  hostUrl = await server.startHost('workstation', e2ePort + 101)
})

test.afterAll(async () => {
  await server?.close()
})

/** The workstation's replica, read-only, for waiting on what the sync brought. */
function replicaRow<T>(query: string, ...params: unknown[]): T | undefined {
  const db = openSqlite(join(server.dir, 'workstation', 'replica.sqlite'), { readonly: true })
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
  await registerAndLogIn(page, hostUrl, server, code)

  // A one-meter account and a value the reading rules take without a question.
  const [c] = findReadingCases(['ok'], join(server.dir, 'workstation', 'replica.sqlite'))
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
            server.database.db,
            sql`SELECT count(*) AS n FROM readings
                 WHERE account_id = ${account.accountId} AND reading_date = ${today}
                   AND status = 'accepted'`,
          ))!.n,
        ),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0)

  // The period close on the server.
  const [result] = await runBilling(server.database.db, { period })
  expect(result!.status).toBe('closed')
  const bill = (await queryRow<{ closing: number }>(
    server.database.db,
    sql`SELECT closing_balance AS closing FROM bills
         WHERE account_id = ${account.accountId} AND period = ${period}`,
  ))!
  const charge = (await queryRow<{ amount: number }>(
    server.database.db,
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
  await openCard(page, account.number)
  await page.getByTestId('card-tab-balance').click()
  await expect(page.getByTestId('card-closed-periods')).toContainText(
    'Последний закрытый расчетный период',
  )
  await expect(page.getByTestId('card-charges')).toContainText(roubles(Number(charge.amount)))
  await expect(page.getByTestId('card-balance-total')).toContainText(roubles(Number(bill.closing)))
})
