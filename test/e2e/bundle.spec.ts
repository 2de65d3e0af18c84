import { expect, test, type Page } from '@playwright/test'
import { openE2eReplica, sampleAccount } from './replica'
import { loginAsClerk, searchFor } from './support'

/** The scripts the page fetched so far: file name and size. */
function scriptsOf(page: Page): Map<string, number> {
  const scripts = new Map<string, number>()
  page.on('response', async (response) => {
    const url = new URL(response.url())
    if (!url.pathname.endsWith('.js')) return
    scripts.set(url.pathname.split('/').pop()!, (await response.body()).length)
  })
  return scripts
}

const total = (scripts: Map<string, number>) => [...scripts.values()].reduce((a, b) => a + b, 0)

test('the login screen loads a light entry; screens and chart.js come when first needed', async ({
  page,
}) => {
  const db = openE2eReplica()
  const account = sampleAccount(db, 5)
  db.close()
  const scripts = scriptsOf(page)

  await page.goto('/')
  await expect(page.getByTestId('login-input')).toBeVisible()
  await page.waitForLoadState('networkidle')
  const atLogin = new Set(scripts.keys())
  expect(total(scripts)).toBeLessThan(600 * 1024)
  // Minified: the entry is a few long lines, not pages of indented source.
  const entry = [...atLogin].find((name) => name.startsWith('index-'))
  expect(entry).toBeDefined()
  const source = await (await page.request.get(`assets/${entry}`)).text()
  expect(source.split('\n').length).toBeLessThan(50)
  expect([...atLogin].some((name) => name.startsWith('AccountSearchView-'))).toBe(false)

  await loginAsClerk(page)
  expect([...scripts.keys()].some((name) => name.startsWith('AccountSearchView-'))).toBe(true)
  await searchFor(page, account.number, account.number)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('card-tab-statistics')).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect([...scripts.keys()].some((name) => name.startsWith('ConsumptionStatistics-'))).toBe(false)

  await page.getByTestId('card-tab-statistics').click()
  await expect(page.getByTestId('statistics-total')).toBeVisible()
  expect([...scripts.keys()].some((name) => name.startsWith('ConsumptionStatistics-'))).toBe(true)
})
