import { z } from 'zod'
import { calendarDate } from '../api/date-fields'
import { labelled } from '../api/validation'
import { readingSources, zones } from '../readings/domain'
import { consentKinds, relations } from './domain'
import { accountFieldsShape, holderSchema, livingAreaIssue } from './schemas'

const accountId = labelled('Лицевой счет', z.string().min(1, 'не выбран'))

/** The version of the account the clerk saw when the form opened. */
const expectedVersion = labelled(
  'Версия счета',
  z.number().int('целое число').min(1, 'не меньше 1'),
)

/** An office calendar date, YYYY-MM-DD (the forms' date pickers give this format). */
export const officeDateSchema = (label: string) =>
  labelled(label, z.string().min(1, 'укажите дату').pipe(calendarDate('укажите дату')))

/** Dates of facts (consent given, move-out) cannot be later than today in the office. */
export function futureDateIssue(date: string, today: string): string | null {
  return date > today ? 'не может быть позже сегодняшнего дня' : null
}

/**
 * account.edit: only the fields the clerk changed (holder and address travel whole when any of
 * their fields changed), with the version the form was opened on.
 */
export const editAccountSchema = z
  .object({
    accountId,
    expectedVersion,
    changes: z.object(accountFieldsShape).partial(),
  })
  .superRefine((v, ctx) => {
    const issue = livingAreaIssue(v.changes.totalArea, v.changes.livingArea)
    if (issue) ctx.addIssue({ code: 'custom', path: ['changes', 'livingArea'], message: issue })
  })
export type EditAccountInput = z.input<typeof editAccountSchema>
export type EditAccountArgs = z.output<typeof editAccountSchema>

/** account.linkPerson: a known customer, or a new person typed in, with a relation. */
export const linkPersonSchema = z.object({
  accountId,
  relation: labelled('Отношение к счету', z.enum(relations)),
  customerId: labelled('Абонент', z.string().min(1).nullable().optional()).transform(
    (v) => v ?? null,
  ),
  person: holderSchema
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  since: officeDateSchema('Дата')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
})
export type LinkPersonInput = z.input<typeof linkPersonSchema>
export type LinkPersonArgs = z.output<typeof linkPersonSchema>

export const unlinkPersonSchema = z.object({
  accountId,
  linkId: labelled('Связанное лицо', z.string().min(1, 'не выбрано')),
})
export type UnlinkPersonArgs = z.output<typeof unlinkPersonSchema>

/** account.recordConsent: a new dated record; the latest per kind is the one in force. */
export const recordConsentSchema = z.object({
  accountId,
  kind: labelled('Согласие', z.enum(consentKinds)),
  given: labelled('Состояние', z.boolean()),
  date: officeDateSchema('Дата согласия'),
})
export type RecordConsentInput = z.input<typeof recordConsentSchema>
export type RecordConsentArgs = z.output<typeof recordConsentSchema>

/** account.close: move-out with a final reading for every zone of every active meter. */
export const closeAccountSchema = z.object({
  accountId,
  expectedVersion,
  date: officeDateSchema('Дата закрытия'),
  reason: labelled(
    'Причина закрытия',
    z.string().trim().min(1, 'не заполнено').max(500, 'не длиннее 500 символов'),
  ),
  source: labelled('Источник показаний', z.enum(readingSources)).default('office'),
  finalReadings: z.array(
    z.object({
      meterId: z.string().min(1),
      zone: z.enum(zones),
      value: labelled('Конечное показание', z.string().trim().min(1, 'не заполнено').max(30)),
    }),
  ),
})
export type CloseAccountInput = z.input<typeof closeAccountSchema>
export type CloseAccountArgs = z.output<typeof closeAccountSchema>

/** accounts.duplicates: what the form has typed so far, to point out an account already there. */
export const duplicatesQuerySchema = z.object({
  /** The account being edited, never its own duplicate. */
  exceptAccountId: z.string().min(1).nullable().optional(),
  lastName: z.string().trim().max(100).default(''),
  phone: z.string().max(40).nullable().optional(),
  address: z.object({
    settlement: z.string().trim().max(200).default(''),
    street: z.string().trim().max(200).default(''),
    house: z.string().trim().max(20).default(''),
    building: z.string().trim().max(20).nullable().optional(),
    flat: z.string().trim().max(20).nullable().optional(),
  }),
})
export type DuplicatesQuery = z.input<typeof duplicatesQuerySchema>
