import { lawSettingRows } from '../billing/law-history'
import { billingLawOf } from '../billing/law-rows'

/** The dated law the demo writes as its settings rows and the period close reads back. */
export const demoLaw = billingLawOf(lawSettingRows())
