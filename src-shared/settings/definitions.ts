import { z } from 'zod'

/** A plausibility band around the expected consumption, in percent of it. */
const consumptionBand = z.object({
  abovePercent: z.number().int().min(0).max(100_000),
  belowPercent: z.number().int().min(0).max(100),
})

const basisPoints = z.number().int().min(0).max(100_000)
const scaledNorm = z.object({
  value: z.number().int().min(0),
  decimals: z.number().int().min(0).max(5),
})

/**
 * Settings that a company or the law may change, each valid from a date (settings table).
 * The defaults apply until a row says otherwise.
 */
export const settingDefinitions = {
  screenLockMinutes: { schema: z.number().int().min(1).max(240), default: 10 },
  officeTimeZone: { schema: z.string().min(1), default: 'Europe/Moscow' },
  readingCutoffDay: { schema: z.number().int().min(1).max(31), default: 25 },
  /** Kopecks of debt from which the account card shows a notification. */
  debtAlertThreshold: { schema: z.number().int().min(0), default: 500_000 },
  /**
   * Consumption outside this band around the expected one needs the clerk's reason
   * (DOMAIN "Readings" 5; the billing department's example for small consumers).
   */
  readingWarningBand: {
    schema: consumptionBand,
    default: { abovePercent: 70, belowPercent: 40 },
  },
  /** Outside this band only a supervisor accepts the reading, or a control reading is ordered. */
  readingErrorBand: {
    schema: consumptionBand,
    default: { abovePercent: 300, belowPercent: 90 },
  },
  /**
   * A difference from the expected consumption up to this many units never leaves the bands:
   * for a flat using 15 kWh a month, +20 kWh is noise, not a typo.
   */
  readingMinDeviation: { schema: z.number().int().min(0), default: 20 },
  /**
   * Register units a day a meter without enough history may advance: the ceiling for a
   * rollover and for any consumption when there is no average to compare with.
   */
  readingNoHistoryDailyCeiling: { schema: z.number().int().min(1), default: 100 },
  /**
   * Multi-zone meters: a zone's share of the consumption may move this many percentage points
   * from the previous period before it is flagged (swapped T1/T2); judged only when both
   * periods used at least `minTotal` units, below that the shares are noise.
   */
  readingZoneShare: {
    schema: z.object({
      tolerancePoints: z.number().int().min(1).max(100),
      minTotal: z.number().int().min(0),
    }),
    default: { tolerancePoints: 25, minTotal: 50 },
  },
  /** The average daily use needs readings spanning at least this many months... */
  readingHistoryMinMonths: { schema: z.number().int().min(1).max(24), default: 3 },
  /** ...taken from this many months before the reading date. */
  readingHistoryWindowMonths: { schema: z.number().int().min(1).max(36), default: 6 },
  /**
   * The company's account number format: at most this many letters in front, then digits. It
   * narrows the widest format the system stores (3 letters, 6 to 12 digits).
   */
  accountNumberFormat: {
    schema: z
      .object({
        maxPrefixLetters: z.number().int().min(0).max(3),
        minDigits: z.number().int().min(6).max(12),
        maxDigits: z.number().int().min(6).max(12),
      })
      .refine((f) => f.minDigits <= f.maxDigits),
    default: { maxPrefixLetters: 3, minDigits: 6, maxDigits: 12 },
  },
  /**
   * The shortest password an admin may set for an operator (OWASP's floor for a password alone
   * is 8; 10 since the operators' passwords guard money). Older passwords stay until changed.
   */
  passwordMinLength: { schema: z.number().int().min(8).max(64), default: 10 },
  /** The largest payment the desk takes at once, in kopecks (a company rule against typos). */
  paymentMaxAmount: { schema: z.number().int().min(100), default: 10_000_000 },
  /**
   * A shift closed with counted cash differing from the expected by more than this (kopecks)
   * needs a supervisor's confirmation; any difference needs a reason.
   */
  shiftDifferenceSupervisorThreshold: { schema: z.number().int().min(0), default: 100_000 },
  /**
   * The company on receipts; null: the supplier of the payment's electricity (the retailer
   * itself), else of its first line.
   */
  receiptCompany: {
    schema: z
      .object({ name: z.string().min(1), inn: z.string().regex(/^(\d{10}|\d{12})$/) })
      .nullable(),
    default: null,
  },
  /** The 80 mm receipt printer (printed silently) and the A4 printer; '' = save as PDF. */
  receiptPrinter: { schema: z.string(), default: '' },
  documentPrinter: { schema: z.string(), default: '' },
  /** Days overdue ending the first two aging brackets of the debtors report (the penalty brackets). */
  debtAgingBrackets: {
    schema: z.object({ first: z.number().int().min(1), second: z.number().int().min(2) }),
    default: { first: 30, second: 90 },
  },
  /** Hours within which the company promises to call a service request's customer back. */
  serviceCallBackHours: { schema: z.number().int().min(1).max(720), default: 72 },
  /** Calendar days to answer an appeal (59-FZ art. 12: 30 days from registration). */
  appealAnswerDays: { schema: z.number().int().min(1).max(365), default: 30 },
  /** An unanswered appeal is flagged this many days before its due day. */
  appealDueSoonDays: { schema: z.number().int().min(0).max(60), default: 3 },
  /*
   * Billing's law (DOMAIN "Money", "Billing"): no defaults here, the dated rows say it; billing
   * refuses to guess when none is in force.
   */
  /** The Bank of Russia key rate, basis points (1/100 %). */
  penaltyKeyRate: { schema: basisPoints.nullable(), default: null },
  /** The rate used for penalties is the lesser of this and the key rate; null = no cap. */
  penaltyRateCap: { schema: basisPoints.nullable(), default: null },
  /** True while penalties do not accrue (the 2020 moratorium). */
  penaltyMoratorium: { schema: z.boolean(), default: false },
  penaltySchedule: {
    schema: z
      .object({
        graceDays: z.number().int().min(0),
        reducedDivisor: z.number().int().min(1),
        fullFromDay: z.number().int().min(1),
        fullDivisor: z.number().int().min(1),
      })
      .nullable(),
    default: null,
  },
  /** Day of the next month a period's bill is due, by the period's first day. */
  billDueDay: { schema: z.number().int().min(1).max(28).nullable(), default: null },
  /** Estimated billing without a reading (PP 354 p.59-60). */
  billingEstimate: {
    schema: z
      .object({
        windowMonths: z.number().int().min(1).max(36),
        minMonths: z.number().int().min(1).max(36),
        maxPeriods: z.number().int().min(0).max(36),
      })
      .nullable(),
    default: null,
  },
  /** Days a printed document's PDF stays on the workstation (personal data); then it is deleted. */
  printedRetentionDays: { schema: z.number().int().min(1).max(3650), default: 30 },
  /** Days a backup of the replica stays on the workstation; then it is deleted. */
  backupRetentionDays: { schema: z.number().int().min(1).max(3650), default: 90 },
  /** The region's consumption norms a month (no meter). */
  billingNorms: {
    schema: z
      .object({
        electricityPerPerson: z.array(z.number().int().min(0)).min(1),
        hotWaterPerPerson: scaledNorm,
        heatingPerM2: scaledNorm,
        heatingMonths: z.array(z.number().int().min(1).max(12)),
        commonNeedsPerM2: scaledNorm,
      })
      .nullable(),
    default: null,
  },
} as const

export type SettingKey = keyof typeof settingDefinitions
export type SettingValue<K extends SettingKey> = z.output<(typeof settingDefinitions)[K]['schema']>
