import { z } from 'zod'
import { optionalText, requiredText } from '../api/text-fields'
import { labelled } from '../api/validation'
import { normalizePhone } from './phone'
import { relations, services, tariffGroups } from './domain'

/** Default company format: up to three letters, then 6 to 12 digits. */
export const accountNumberSchema = labelled(
  'Номер лицевого счета',
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-ZА-Я]{0,3}\d{6,12}$/u, 'от 6 до 12 цифр, впереди допускаются до трех букв'),
)

export const elsSchema = labelled(
  'ЕЛС',
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-ZА-Я]{10}$/u, 'ровно 10 символов: цифры и буквы')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
)

export const phoneSchema = labelled(
  'Телефон',
  z.string().transform((raw, ctx) => {
    const phone = normalizePhone(raw)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'нужен номер из 10 цифр после +7' })
      return z.NEVER
    }
    return phone
  }),
)

/** Area in m² as a decimal string with at most two decimals ("54,3" is accepted). */
const area = (label: string) =>
  labelled(
    label,
    z
      .string()
      .trim()
      .transform((v) => v.replace(',', '.'))
      .refine(
        (v) => v === '' || /^\d{1,5}(\.\d{1,2})?$/.test(v),
        'число, до двух знаков после запятой',
      )
      .refine((v) => v === '' || Number(v) > 0, 'должна быть больше нуля')
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  )

export const addressSchema = z.object({
  region: requiredText('Регион'),
  settlement: requiredText('Населенный пункт'),
  street: requiredText('Улица'),
  house: requiredText('Дом', 20),
  building: optionalText('Корпус', 20),
  flat: optionalText('Квартира', 20),
})

export const holderSchema = z.object({
  lastName: requiredText('Фамилия', 100),
  firstName: requiredText('Имя', 100),
  middleName: optionalText('Отчество', 100),
  phone: phoneSchema
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  email: labelled('Эл. почта', z.email('неверный адрес').nullable().optional()).transform(
    (v) => v ?? null,
  ),
})

export const accountServicesSchema = labelled(
  'Услуги',
  z
    .array(z.object({ service: z.enum(services), supplierId: z.string().min(1) }))
    .min(1, 'выберите хотя бы одну услугу')
    .refine(
      (list) => new Set(list.map((s) => s.service)).size === list.length,
      'каждая услуга только один раз',
    ),
)

/** Every field of an account and its holder a clerk types: the registration and edit forms. */
export const accountFieldsShape = {
  number: accountNumberSchema,
  els: elsSchema,
  officeId: labelled('Офис', z.string().min(1, 'не выбран')),
  holder: holderSchema,
  relation: labelled('Отношение к счету', z.enum(relations)),
  address: addressSchema,
  totalArea: area('Общая площадь'),
  livingArea: area('Жилая площадь'),
  rooms: labelled(
    'Комнат',
    z.number().int('целое число').min(0, 'не меньше 0').max(50).nullable().optional(),
  ),
  residents: labelled('Проживающих', z.number().int('целое число').min(0, 'не меньше 0').max(99)),
  tariffGroup: labelled('Тарифная группа', z.enum(tariffGroups)),
  services: accountServicesSchema,
  notes: optionalText('Примечание', 1000),
}

/** Living area within the total; null when fine (also used on an edit against stored values). */
export function livingAreaIssue(
  totalArea: string | null | undefined,
  livingArea: string | null | undefined,
): string | null {
  return totalArea && livingArea && Number(livingArea) > Number(totalArea)
    ? 'не может быть больше общей'
    : null
}

export const registerAccountSchema = z
  .object({
    ...accountFieldsShape,
    /**
     * A customer already known (a second account of the same person): the account is linked to
     * them and no new customer is made; `holder` then repeats their stored fields.
     */
    existingHolderId: labelled('Владелец', z.string().min(1).nullable().optional()).transform(
      (v) => v ?? null,
    ),
  })
  .superRefine((v, ctx) => {
    const issue = livingAreaIssue(v.totalArea, v.livingArea)
    if (issue) ctx.addIssue({ code: 'custom', path: ['livingArea'], message: issue })
  })

export type RegisterAccountInput = z.input<typeof registerAccountSchema>
export type RegisterAccountArgs = z.output<typeof registerAccountSchema>

/**
 * The account's own columns a registration fills from the form, written alike by the workstation
 * and the server (ids, office, holder and times are each side's own).
 */
export function registeredAccountColumns(args: RegisterAccountArgs) {
  return {
    number: args.number,
    els: args.els,
    holderRelation: args.relation,
    ...args.address,
    totalArea: args.totalArea,
    livingArea: args.livingArea,
    rooms: args.rooms ?? null,
    residents: args.residents,
    tariffGroup: args.tariffGroup,
    notes: args.notes,
  }
}
