import { expect, type Page } from '@playwright/test'

/** Logs a demo operator in and waits for the search the shell opens on. */
export async function loginAs(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/')
  await signIn(page, login, password)
}

/** Fills the login form on the page and waits for the search the shell opens on. */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByTestId('login-input').fill(login)
  await page.getByTestId('password-input').fill(password)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('search-input')).toBeVisible()
}

export const loginAsClerk = (page: Page) => loginAs(page, 'clerk', 'clerk123')

/** Logs the administrator in and opens a tab of the reference screen (Alt+4): `operators`, … */
export async function openReferenceAsAdmin(page: Page, tab: string): Promise<void> {
  await loginAs(page, 'admin', 'admin123')
  await page.keyboard.press('Alt+4')
  await page.getByTestId(`reference-tab-${tab}`).click()
}

/** Logs out and tries to log in again as `login`: refused, the shell stays closed. */
export async function loginRefused(page: Page, login: string, password: string): Promise<void> {
  await page.getByTestId('logout').click()
  await page.getByTestId('login-input').fill(login)
  await page.getByTestId('password-input').fill(password)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('search-input')).toBeHidden()
}

/** Types a query the way a clerk does and waits for the row of `number` to show. */
export async function searchFor(page: Page, query: string, number: string): Promise<void> {
  const input = page.getByTestId('search-input')
  await input.fill('')
  await input.pressSequentially(query, { delay: 10 })
  await expect(page.getByTestId('search-row').filter({ hasText: number }).first()).toBeVisible()
}

/** Finds the account by its number and opens its card with Enter, as a clerk does. */
export async function openCard(page: Page, number: string): Promise<void> {
  await searchFor(page, number, number)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('card-number')).toHaveText(number)
}

/** A field of the account form by its name (`number`, `lastName`: the data-testid without `account-field-`). */
export const accountField = (page: Page, name: string) => page.getByTestId(`account-field-${name}`)

/** Types into the account form's fields by their names, in the order given. */
export async function fillAccountFields(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) await accountField(page, name).fill(value)
}

/** Logs the clerk in and opens the registration of a new account with Insert. */
export async function openRegistration(page: Page): Promise<void> {
  await loginAsClerk(page)
  await page.keyboard.press('Insert')
  await expect(page.getByText('Регистрация лицевого счета')).toBeVisible()
}

/**
 * Types into a meter dialog's fields by their names, in the order given (`model`, `serialNumber`,
 * `initial-T1`, `final-T2`, …: the data-testid without its `meter-`).
 */
export async function fillMeterFields(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    await page.getByTestId(`meter-${name}`).fill(value)
  }
}

/** A customer's scans as an appeal carries them: a PDF and a PNG, by their content. */
export const scans = {
  pdf: Buffer.from('%PDF-1.4\n% заявление\n%%EOF\n'),
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(200, 7),
  ]),
}

/** Waits for the requests tab's notice to say `text` and gives the number it names. */
async function noticedNumber(page: Page, text: RegExp): Promise<string> {
  const notice = page.getByTestId('requests-notice')
  await expect(notice).toContainText(text)
  return /№ (\S+)/.exec((await notice.textContent())!)![1]!
}

/**
 * Registers a paid sealing request from the card's requests tab; the price must show as `price`
 * before the request is taken. Gives the request's number.
 */
export async function registerSealingRequest(page: Page, price: RegExp): Promise<string> {
  await page.getByTestId('request-new').click()
  await page.getByTestId('request-kind').click()
  await page.getByRole('option', { name: 'Опломбировка прибора учета', exact: true }).click()
  await expect(page.getByTestId('request-price')).toHaveText(price)
  await page.getByTestId('request-phone').fill('+7 910 123-45-67')
  await page.getByTestId('request-dates').fill('после 15-го')
  await page.getByTestId('request-dates').press('Enter')
  return noticedNumber(page, /Заявка № З-.+ зарегистрирована/)
}

/** Starts an appeal about charges from the card's requests tab: its text and where to answer. */
export async function startAppeal(page: Page): Promise<void> {
  await page.getByTestId('appeal-new').click()
  await page.getByTestId('appeal-topic').click()
  await page.getByRole('option', { name: 'Начисления', exact: true }).click()
  await page.getByTestId('appeal-text').fill('Прошу пересчитать август.')
  await page.getByTestId('appeal-address').fill('+7 910 123-45-67')
}

/** Attaches files to the appeal being written; the form then lists them by name. */
export async function attachToAppeal(
  page: Page,
  files: { name: string; mimeType: string; buffer: Buffer }[],
): Promise<void> {
  await page.getByTestId('appeal-files').setInputFiles(files)
  await expect(page.getByTestId('appeal-file-list').locator('li')).toHaveText(
    files.map((f) => f.name),
  )
}

/** Submits the appeal; the notice must say `text`. Gives the appeal's number. */
export async function submitAppeal(page: Page, text: RegExp): Promise<string> {
  await page.getByTestId('appeal-submit').click()
  return noticedNumber(page, text)
}

/** Registers an appeal about charges with `files` from the card's requests tab: its number. */
export async function registerAppeal(
  page: Page,
  files: { name: string; mimeType: string; buffer: Buffer }[],
): Promise<string> {
  await startAppeal(page)
  await attachToAppeal(page, files)
  return submitAppeal(page, /Обращение № О-.+ зарегистрировано/)
}
