import { billingLawOf } from '../../../src-shared/billing/law-rows'
import { dueDateOf, type PeriodDebt } from '../../../src-shared/billing/penalties'
import { lawSettingRows } from '../../../src-shared/billing/law-history'

/** The real dated law, as the settings rows the demo loads: no rate in a test is typed by hand. */
export const law = billingLawOf(lawSettingRows())

/** A period's debt (10 000,00 ₽ unless told), due on the law's day after the period. */
export const debt = (period: string, amount = 1_000_000): PeriodDebt => ({
  period,
  dueDate: dueDateOf(period, law.dueDays),
  amount,
})
