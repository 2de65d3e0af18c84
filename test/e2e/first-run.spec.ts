import { expect, test } from '@playwright/test'
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

// A new workstation: its own web dev host on an empty replica, and a central server with a branch
// and a registration code the administrator made for it.
let dir: string
let database: ServerDatabase
let serverUrl: string
let closeServer: () => Promise<void>
let host: ChildProcess
let hostUrl: string
let code: string

test.beforeAll(async () => {
  test.setTimeout(120_000)
  dir = mkdtempSync(join(tmpdir(), 'energo-first-run-'))
  database = await openServerDatabase({ dataDir: join(dir, 'server') })
  await loadServerDemo(database.db, { accounts: 40, seed: 7, months: 3, today: '2026-11-20' })
  const office = (await queryRow<{ id: string }>(
    database.db,
    sql`SELECT id FROM offices ORDER BY id LIMIT 1`,
  ))!
  code = (
    await issueRegistrationCode(database.db, {
      officeId: office.id,
      name: 'Окно 9',
      receiptPrefix: 'FR0009',
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
      // Any free port: the host prints its address (a fixed one collided with other processes).
      '--port',
      '0',
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

test('a new workstation registers with the code, pulls its branch and lets the clerk in', async ({
  page,
}) => {
  await page.goto(hostUrl)
  await expect(page.getByText('Первый запуск рабочего места')).toBeVisible()
  await page.getByTestId('setup-server').fill(serverUrl)
  await page.getByTestId('setup-code').fill('AAAA-BBBB-CCCC-DDDD')
  await page.getByTestId('setup-register').click()
  await expect(page.getByTestId('setup-error-code')).toHaveText(
    'Код регистрации: неверный, уже использован или просрочен.',
  )
  await expect(page.getByTestId('setup-server')).toHaveValue(serverUrl)

  await page.getByTestId('setup-code').fill(code.toLowerCase())
  await page.getByTestId('setup-code').press('Enter')
  // The first pull with its progress, then the login.
  await expect(page.getByTestId('login-input')).toBeVisible({ timeout: 30_000 })
  await page.getByTestId('login-input').fill('clerk')
  await page.getByTestId('password-input').fill('clerk123')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('search-input')).toBeVisible()
  await expect(page.getByTestId('sync-status')).toContainText('На связи')
})
