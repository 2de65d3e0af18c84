import { daysBetween } from './calendar'
import type { Zone } from './domain'
import { expectedDelta } from './expected-consumption'
import { issue, worstStatus, type ReadingCheckStatus, type ReadingIssue } from './issues'
import * as messages from './zone-messages'
import { fractionTypedAsInteger, parseReading, type ParsedReading } from './parse-reading'
import { bandPosition, withinErrorCeiling, type PlausibilityRules } from './plausibility'
import { rolloverDelta, type DatedValue } from './register'
import type { ReadingRuleSettings } from './rule-settings'

/** One zone of a submission, as the confirm panel shows it. */
export interface ZoneReadingResult {
  zone: Zone
  /** 'T1 (день)': how messages name the zone. */
  label: string
  /** As typed ('' when nothing was). */
  raw: string
  /** The billed integer part; null when the entry is not a reading. */
  value: number | null
  previousValue: number | null
  previousDate: string | null
  /** Register movement x transformation ratio; null when unknown (no previous, wrong entry). */
  consumption: number | null
  /** Average daily use x days since the last reading x ratio; null with too little history. */
  expected: number | null
  /** The register went past its top (99 900 -> 00 105) once. */
  rollover: boolean
  status: ReadingCheckStatus
  issues: ReadingIssue[]
}

export interface ZoneCheckInput {
  zone: Zone
  label: string
  /** Multi-zone meters take all zones in one submission. */
  multiZone: boolean
  raw: string
  meter: { intDigits: number; fracDigits: number; transformationRatio: number }
  previous: DatedValue | null
  history: readonly DatedValue[]
  readingDate: string
  occupied: boolean
  settings: ReadingRuleSettings
}

type Parsed = Extract<ParsedReading, { ok: true }>
type Movement = Partial<Pick<ZoneReadingResult, 'consumption' | 'expected' | 'rollover'>>

function result(
  input: ZoneCheckInput,
  value: number | null,
  issues: ReadingIssue[],
  movement: Movement = {},
): ZoneReadingResult {
  return {
    zone: input.zone,
    label: input.label,
    raw: input.raw,
    value,
    previousValue: input.previous?.value ?? null,
    previousDate: input.previous?.date ?? null,
    consumption: movement.consumption ?? null,
    expected: movement.expected ?? null,
    rollover: movement.rollover ?? false,
    status: worstStatus(issues),
    issues,
  }
}

/** Validates one zone on its own (DOMAIN "Readings" 1-5, 7). */
export function validateZone(input: ZoneCheckInput): ZoneReadingResult {
  const parsed = parseReading(input.raw, input.meter)
  if (!parsed.ok) {
    const message =
      parsed.code === 'missing' && input.multiZone
        ? 'нет показания. Показания всех зон передаются вместе'
        : lowerFirst(parsed.message)
    return result(input, null, [issue(parsed.code, `${input.label}: ${message}`)])
  }
  const { previous } = input
  // A new meter's first reading, or a reading dated before the last one (flagged for the
  // whole submission): there is no movement to judge.
  if (!previous || input.readingDate < previous.date) return result(input, parsed.value, [])
  return judgeMovement(input, parsed, previous)
}

function judgeMovement(
  input: ZoneCheckInput,
  parsed: Parsed,
  previous: DatedValue,
): ZoneReadingResult {
  const { meter, label } = input
  const ratio = meter.transformationRatio
  const check = plausibleMovement(input, previous)
  const expected = check.expected

  let delta = parsed.value - previous.value
  let rollover = false
  const issues: ReadingIssue[] = []
  if (delta < 0) {
    const wrapped = rolloverDelta(previous.value, parsed.value, meter.intDigits)
    if (!check.plausible(wrapped)) {
      // Never a negative consumption: a typo, a meter swap nobody recorded, or the caller read
      // out last month's consumption (a small number) instead of the meter.
      const looksLikeConsumption = parsed.value > 0 && check.plausible(parsed.value)
      const found = messages.lowerThanPrevious(label, parsed.raw, previous, looksLikeConsumption)
      return result(input, parsed.value, [found], { expected })
    }
    delta = wrapped
    rollover = true
    issues.push(messages.rollover(label, previous.value, parsed.raw, delta * ratio))
  }
  const consumption = delta * ratio

  if (consumption === 0) {
    // DOMAIN "Readings" 1: the fraction is dropped, so 4580,7 after 4580 bills 0; say so
    // rather than flag a zero consumption the caller did not report.
    if (/[1-9]/.test(parsed.fraction))
      issues.push(messages.fractionNotBilled(label, parsed.raw, previous.value))
    // DOMAIN "Readings" 7; on an empty flat zero is the expected answer, not a low one.
    else if (input.occupied) issues.push(messages.zeroConsumption(label))
  } else if (expected !== null) {
    const hint = fractionHint(input, parsed, previous, check)
    const position = bandPosition(consumption, expected, check.rules)
    if (position !== 'within')
      issues.push(messages.band(position, label, consumption, expected, hint))
  } else if (delta > check.ceiling) {
    const hint = fractionHint(input, parsed, previous, check)
    issues.push(messages.aboveCeiling(label, consumption, check.days, hint))
  }
  return result(input, parsed.value, issues, { consumption, expected, rollover })
}

interface MovementCheck {
  days: number
  expected: number | null
  /** Most register units the meter may advance without history. */
  ceiling: number
  rules: PlausibilityRules
  /** Whether the register plausibly moved this much (rollover and hint tests). */
  plausible: (delta: number) => boolean
}

function plausibleMovement(input: ZoneCheckInput, previous: DatedValue): MovementCheck {
  const { settings, meter } = input
  const days = Math.max(0, daysBetween(previous.date, input.readingDate))
  const expectedRegister = expectedDelta(
    input.history,
    previous.date,
    input.readingDate,
    meter.intDigits,
    {
      minMonths: settings.readingHistoryMinMonths,
      windowMonths: settings.readingHistoryWindowMonths,
    },
  )
  const expected = expectedRegister === null ? null : expectedRegister * meter.transformationRatio
  // A same-day second reading still gets one day's allowance.
  const ceiling = settings.readingNoHistoryDailyCeiling * Math.max(days, 1)
  const rules: PlausibilityRules = {
    warning: settings.readingWarningBand,
    error: settings.readingErrorBand,
    minDeviation: settings.readingMinDeviation,
  }
  return {
    days,
    expected,
    ceiling,
    rules,
    plausible: (delta) =>
      expected === null
        ? delta <= ceiling
        : withinErrorCeiling(delta * meter.transformationRatio, expected, rules),
  }
}

/** ": возможно, ... (4680,1)" when the entry is the fraction-typed-as-integer mistake. */
function fractionHint(
  input: ZoneCheckInput,
  parsed: Parsed,
  previous: DatedValue,
  check: MovementCheck,
): string {
  const meant = fractionTypedAsInteger(parsed, input.meter.fracDigits)
  if (!meant || meant.value < previous.value || !check.plausible(meant.value - previous.value))
    return ''
  return messages.fractionHint(meant.text)
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
