import { expect, test } from '@playwright/test'
import { startDemoServer, type DemoServer } from './demo-server'
import { signIn } from './support'

// A new workstation: its own web dev host on an empty replica, and a central server with a branch
// and a registration code the administrator made for it.
let server: DemoServer
let hostUrl: string
let code: string

test.beforeAll(async () => {
  test.setTimeout(120_000)
  server = await startDemoServer('first-run', { seed: 7, months: 3, today: '2026-11-20' })
  code = await server.registrationCode('Окно 9', 'FR0009')
  // Any free port: the host prints its address (a fixed one collided with other processes).
  hostUrl = await server.startHost('workstation', 0)
})

test.afterAll(async () => {
  await server?.close()
})

test('a new workstation registers with the code, pulls its branch and lets the clerk in', async ({
  page,
}) => {
  await page.goto(hostUrl)
  await expect(page.getByText('Первый запуск рабочего места')).toBeVisible()
  await page.getByTestId('setup-server').fill(server.url)
  await page.getByTestId('setup-code').fill('AAAA-BBBB-CCCC-DDDD')
  await page.getByTestId('setup-register').click()
  await expect(page.getByTestId('setup-error-code')).toHaveText(
    'Код регистрации: неверный, уже использован или просрочен.',
  )
  await expect(page.getByTestId('setup-server')).toHaveValue(server.url)

  await page.getByTestId('setup-code').fill(code.toLowerCase())
  await page.getByTestId('setup-code').press('Enter')
  // The first pull with its progress, then the login.
  await expect(page.getByTestId('login-input')).toBeVisible({ timeout: 30_000 })
  await signIn(page, 'clerk', 'clerk123')
  await expect(page.getByTestId('sync-status')).toContainText('На связи')
})
