import { expect, test } from '@playwright/test'
import { plain } from './replica'
import { loginAs } from './support'

test('the shift by keyboard: F3, opened and closed with a difference and its reason', async ({
  page,
}) => {
  await loginAs(page, 'cashier', 'cashier123')
  await expect(page.getByTestId('nav-shift')).toContainText('F3')

  // F3 opens the shift screen on its first field.
  await page.keyboard.press('F3')
  const opening = page.getByTestId('shift-opening-cash')
  const counted = page.getByTestId('shift-counted-cash')
  await expect(opening.or(counted)).toBeFocused()
  if (await counted.isVisible()) {
    // A shift another spec left open: closed with exactly the expected cash, no reason asked.
    const expected = plain(await page.getByTestId('shift-expected').textContent())
    await page.keyboard.type(expected.replace(/[^\d,]/g, ''))
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('shift-closed')).toBeVisible()
    await page.keyboard.press('F2')
    await page.keyboard.press('F3')
  }
  await expect(opening).toBeFocused()
  await page.keyboard.type('100')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('shift-open-info')).toContainText('100,00')

  // 95 ₽ counted: Enter asks for the reason first, Enter on the reason closes.
  await page.keyboard.press('F2')
  await page.keyboard.press('F3')
  await expect(counted).toBeFocused()
  await page.keyboard.type('95')
  await expect(page.getByTestId('shift-live-difference')).toContainText('-5,00')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('shift-difference-reason')).toBeFocused()
  await page.keyboard.type('Сдача выдана неверно')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('shift-report')).toHaveAttribute('data-kind', 'z')
  await expect(page.getByTestId('shift-difference')).toContainText('-5,00')
  await expect(page.getByTestId('shift-closed')).toBeVisible()
})
