import { z } from 'zod'
import { calendarDate } from '../api/date-fields'
import type { Service } from '../accounts/domain'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import type { VerificationStatus } from '../meters/verification'
import { anyOperator } from '../operators/roles'
import { supervisorCredentials } from '../operators/supervisor-credentials'
import { readingSources, zones, type Zone } from './domain'
import type { ReadingRuleSettings } from './rule-settings'
import type { ConsumptionStatistics, ReadingHistoryLine } from './types'
import type { DatedValue } from './register'
import type { ReadingSubmissionResult } from './validate-reading'

/** One meter as the entry screen needs it: the passport, what was read before, and its rates. */
export interface ReadingEntryMeter {
  meterId: string
  service: Service
  model: string
  serialNumber: string
  location: string | null
  zones: 1 | 2 | 3
  intDigits: number
  fracDigits: number
  transformationRatio: number
  nextVerificationAt: string | null
  verification: VerificationStatus
  status: 'active' | 'removed'
  /** The last standing reading per zone, with what was typed then. */
  previous: Partial<Record<Zone, DatedValue & { raw: string }>>
  /** Standing readings per zone over the history window, for the expected consumption. */
  history: Partial<Record<Zone, DatedValue[]>>
  /** Current rates per zone in 1/1000 kopeck per unit, for "about N roubles". */
  ratesMillikopecks: Partial<Record<Zone, number>>
}

export interface ReadingEntryContext {
  accountId: string
  accountNumber: string
  holderName: string
  address: string
  /** Residents > 0. */
  occupied: boolean
  /** Office calendar date: the entry date of a submission made now. */
  today: string
  rules: ReadingRuleSettings
  meters: ReadingEntryMeter[]
  /** Periods billing has closed for the account's branch: readings count for the next one. */
  closedPeriods: string[]
}

const zoneValues = z.partialRecord(z.enum(zones), z.string().max(30))

export const submitReadingsSchema = z.object({
  accountId: z.string().min(1),
  source: labelled('Источник', z.enum(readingSources)),
  readingDate: labelled('Дата показаний', calendarDate('дата в формате ГГГГ-ММ-ДД')),
  meters: labelled(
    'Приборы учета',
    z
      .array(z.object({ meterId: z.string().min(1), values: zoneValues }))
      .min(1, 'введите показания хотя бы одного прибора'),
  ),
  /** Why readings the rules warned about are saved (read back to the caller). */
  confirmReason: labelled('Причина', z.string().trim().max(500).optional()),
  /** A supervisor accepting readings outside the error band, when not logged in as one. */
  supervisor: supervisorCredentials,
})
export type SubmitReadingsInput = z.input<typeof submitReadingsSchema>
export type SubmitReadingsArgs = z.output<typeof submitReadingsSchema>

export interface SubmitReadingsResult {
  period: string
  readingIds: string[]
  results: (ReadingSubmissionResult & { meterId: string })[]
}

export const readingChannels = {
  'readings.entryContext': channel<ReadingEntryContext>()({
    input: z.object({ accountId: z.string().min(1) }),
    roles: anyOperator,
  }),
  'readings.submit': channel<SubmitReadingsResult>()({
    input: submitReadingsSchema,
    roles: anyOperator,
  }),
  'readings.history': channel<ReadingHistoryLine[]>()({
    input: z.object({
      accountId: z.string().min(1),
      meterId: z.string().min(1).optional(),
      from: labelled('С', calendarDate('дата в формате ГГГГ-ММ-ДД').optional()),
      to: labelled('По', calendarDate('дата в формате ГГГГ-ММ-ДД').optional()),
    }),
    roles: anyOperator,
  }),
  'readings.delete': channel<null>()({
    input: z.object({
      readingId: z.string().min(1),
      reason: labelled('Причина удаления', z.string().trim().min(3, 'укажите причину').max(500)),
    }),
    roles: anyOperator,
  }),
  'readings.statistics': channel<ConsumptionStatistics>()({
    input: z.object({
      meterId: z.string().min(1),
      year: labelled('Год', z.number().int().min(2000).max(2100)),
    }),
    roles: anyOperator,
  }),
}
