import { verificationStatus } from '../meters/verification'
import { formatDateRu } from './calendar'
import type { Zone } from './domain'
import { previousPeriodDelta } from './expected-consumption'
import {
  issue,
  supervisorAcceptableCodes,
  worstStatus,
  type ReadingCheckStatus,
  type ReadingIssue,
} from './issues'
import { assertCapacity } from './parse-reading'
import { readingPeriod } from './period'
import type { DatedValue } from './register'
import type { ReadingRuleSettings } from './rule-settings'
import { validateZone, type ZoneReadingResult } from './validate-zone'
import { meterZones, zoneLabel, type ZoneCount } from './zone-label'
import { swappedZonesIssue, zoneShareIssue } from './zone-ratio'

export interface ReadingMeter {
  zones: ZoneCount
  intDigits: number
  fracDigits: number
  transformationRatio: number
  nextVerificationAt: string | null
  status: 'active' | 'removed'
}

export interface ReadingSubmissionInput {
  meter: ReadingMeter
  /** What the clerk typed per zone; zones the meter does not have are ignored. */
  values: Partial<Record<Zone, string>>
  /** When the meter was read (YYYY-MM-DD, office calendar). */
  readingDate: string
  /** When the clerk enters it (YYYY-MM-DD, office calendar): decides the period. */
  entryDate: string
  /** The last accepted reading per zone; a new meter's initial reading; empty when none. */
  previous: Partial<Record<Zone, DatedValue>>
  /** Accepted readings per zone of at least the history window, the previous one included. */
  history: Partial<Record<Zone, readonly DatedValue[]>>
  /** Residents > 0: zero consumption needs a reason. */
  occupied: boolean
  /** The settings in force on the entry date. */
  settings: ReadingRuleSettings
  /** Periods billing has closed for the account's branch (YYYY-MM). */
  closedPeriods?: readonly string[]
}

export interface ReadingSubmissionResult {
  /** YYYY-MM the readings are billed in. */
  period: string
  /** Entered after the cutoff day: the period is the next month (say so to the caller). */
  afterCutoff: boolean
  /** The period it would have counted for was closed: taken for the next (say so to the clerk). */
  closedPeriod: string | null
  zones: ZoneReadingResult[]
  /** Sum over zones; null while any zone's consumption is unknown. */
  totalConsumption: number | null
  /** Sum of the zones' expected consumption; null while any is unknown. */
  expectedTotal: number | null
  /** The worst of the zones' and the submission's issues. */
  status: ReadingCheckStatus
  /** Issues of the whole submission (meter, dates, zones together). */
  issues: ReadingIssue[]
  /** Every error is an unusual but readable number: a supervisor may accept it with a reason. */
  supervisorMayAccept: boolean
}

// Keeps delta x ratio within safe integers for a 9-digit register and more.
const maxTransformationRatio = 1_000_000

/** Checks one submission (all zones of one meter) against DOMAIN "Readings". Pure. */
export function validateReadingSubmission(input: ReadingSubmissionInput): ReadingSubmissionResult {
  const { meter, settings } = input
  assertMeter(meter)
  const zoneList = meterZones(meter.zones)

  const results = zoneList.map((zone) =>
    validateZone({
      zone,
      label: zoneLabel(zone, meter.zones),
      multiZone: meter.zones > 1,
      raw: input.values[zone] ?? '',
      meter,
      previous: input.previous[zone] ?? null,
      history: input.history[zone] ?? [],
      readingDate: input.readingDate,
      occupied: input.occupied,
      settings,
    }),
  )

  const previousPeriod = Object.fromEntries(
    zoneList.map((z) => [z, previousPeriodDelta(input.history[z] ?? [], meter.intDigits)]),
  )
  const issues = [
    ...submissionIssues(input),
    zoneShareIssue(results, previousPeriod, settings.readingZoneShare),
    swappedZonesIssue(results),
  ].filter((i): i is ReadingIssue => i !== null)

  const all = [...issues, ...results.flatMap((r) => r.issues)]
  const status = worstStatus(all)
  return {
    ...readingPeriod(input.entryDate, settings.readingCutoffDay, input.closedPeriods),
    zones: results,
    totalConsumption: sumOrNull(results.map((r) => r.consumption)),
    expectedTotal: sumOrNull(results.map((r) => r.expected)),
    status,
    issues,
    supervisorMayAccept:
      status === 'error' &&
      all.every((i) => i.severity !== 'error' || supervisorAcceptableCodes.includes(i.code)),
  }
}

function submissionIssues(input: ReadingSubmissionInput): ReadingIssue[] {
  const { meter, readingDate, entryDate } = input
  const found: ReadingIssue[] = []
  if (meter.status === 'removed') {
    found.push(
      issue(
        'meter_removed',
        'Счетчик снят: показания по нему не принимаются. Проверьте, выбран ли действующий счетчик',
      ),
    )
  }
  // The reading is still stored, flagged (DOMAIN "Meters").
  if (verificationStatus(meter.nextVerificationAt, readingDate) === 'expired') {
    found.push(
      issue(
        'verification_expired',
        meter.nextVerificationAt
          ? `Срок поверки счетчика истек ${formatDateRu(meter.nextVerificationAt)}: показание ` +
              'сохранится с отметкой. Предложите клиенту поверку или замену счетчика'
          : 'Дата поверки счетчика не указана: показание сохранится с отметкой. Уточните дату ' +
              'поверки у клиента',
      ),
    )
  }
  if (readingDate > entryDate) {
    found.push(
      issue(
        'reading_date_in_future',
        `Дата показания ${formatDateRu(readingDate)} позже сегодняшней ` +
          `(${formatDateRu(entryDate)}). Проверьте дату`,
      ),
    )
  }
  const lastDate = latestDate(Object.values(input.previous))
  if (lastDate !== null && readingDate < lastDate) {
    found.push(
      issue(
        'reading_date_before_previous',
        `Дата показания ${formatDateRu(readingDate)} раньше предыдущего показания ` +
          `(${formatDateRu(lastDate)}). Проверьте дату`,
      ),
    )
  }
  return found
}

function assertMeter(meter: ReadingMeter): void {
  if (![1, 2, 3].includes(meter.zones)) throw new RangeError(`zones out of range: ${meter.zones}`)
  assertCapacity(meter)
  const ratio = meter.transformationRatio
  if (!Number.isSafeInteger(ratio) || ratio < 1 || ratio > maxTransformationRatio)
    throw new RangeError(`transformationRatio out of range: ${ratio}`)
}

function latestDate(values: readonly (DatedValue | undefined)[]): string | null {
  let latest: string | null = null
  for (const v of values) if (v && (latest === null || v.date > latest)) latest = v.date
  return latest
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  let total = 0
  for (const v of values) {
    if (v === null) return null
    total += v
  }
  return total
}
