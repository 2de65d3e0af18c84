import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumPath } from './src-main/webhost/chromium-pdf-printer'

/**
 * The web dev host on a loopback port, over a fresh demo replica made for this run.
 * E2E_PORT lets two checkouts run their suites side by side.
 */
export const e2ePort = Number(process.env.E2E_PORT ?? 5181)
export const e2eDataDir = 'test-results/e2e-data'

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  reporter: 'list',
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}/`,
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright never downloads a browser here.
      executablePath: chromiumPath,
      args: chromiumArgs,
      // A user's desktop has a UTF-8 locale; without one (a bare CI shell) Chromium cannot write
      // a Cyrillic file name and saves every download as 'download'.
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
    },
  },
  webServer: {
    command: `tsx src-main/webhost/cli.ts --data-dir ${e2eDataDir} --port ${e2ePort} --demo-accounts 400 --fresh`,
    url: `http://127.0.0.1:${e2ePort}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
})
