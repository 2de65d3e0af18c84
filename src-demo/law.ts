import { lawSettingRows } from '../src-shared/billing/law-history'
import { billingLawOf } from '../src-shared/billing/law-rows'

/** The dated law the demo writes as its settings rows and the period close reads back. */
export const demoLaw = billingLawOf(lawSettingRows())
