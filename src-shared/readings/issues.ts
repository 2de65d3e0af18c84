/**
 * What the reading validator can say. Codes are stable (stored with the reading as flags, used
 * by the UI to translate and style); the Russian message is the default wording.
 */
export const readingIssueSeverities = {
  // One zone
  missing: 'error',
  not_a_number: 'error',
  too_many_int_digits: 'error',
  too_many_frac_digits: 'error',
  lower_than_previous: 'error',
  rollover: 'warning',
  above_warning_band: 'warning',
  below_warning_band: 'warning',
  above_error_band: 'error',
  below_error_band: 'error',
  above_no_history_ceiling: 'error',
  zero_consumption: 'warning',
  fraction_not_billed: 'info',
  // The whole submission
  meter_removed: 'error',
  verification_expired: 'warning',
  reading_date_in_future: 'error',
  reading_date_before_previous: 'error',
  zone_ratio_changed: 'warning',
  zones_swapped: 'warning',
} as const satisfies Record<string, ReadingIssueSeverity>

/** info: told to the clerk, needs no reason (e.g. the fraction is not billed). */
export type ReadingIssueSeverity = 'info' | 'warning' | 'error'
export type ReadingIssueCode = keyof typeof readingIssueSeverities
export const readingIssueCodes = Object.keys(readingIssueSeverities) as ReadingIssueCode[]

/**
 * Errors a supervisor may accept with a reason (or the clerk orders a control reading): the
 * number is readable, only unusual. The others are wrong input nobody can accept.
 */
export const supervisorAcceptableCodes: readonly ReadingIssueCode[] = [
  'above_error_band',
  'below_error_band',
  'above_no_history_ceiling',
]

export interface ReadingIssue {
  code: ReadingIssueCode
  severity: ReadingIssueSeverity
  /** Russian, short, names the zone and says what to check. */
  message: string
}

/** ok; warning: the clerk saves with a reason; error: the clerk cannot save. */
export type ReadingCheckStatus = 'ok' | 'warning' | 'error'

export function issue(code: ReadingIssueCode, message: string): ReadingIssue {
  return { code, severity: readingIssueSeverities[code], message }
}

/** The worst severity among the issues. */
export function worstStatus(issues: readonly ReadingIssue[]): ReadingCheckStatus {
  if (issues.some((i) => i.severity === 'error')) return 'error'
  return issues.some((i) => i.severity === 'warning') ? 'warning' : 'ok'
}
