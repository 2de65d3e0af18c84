import { z } from 'zod'
import { calendarDate } from '../api/date-fields'
import { services, tariffGroups } from '../accounts/domain'
import { optionalPhone, optionalText, requiredText } from '../api/text-fields'
import { labelled } from '../api/validation'
import { kopecksValue } from '../money/amount-field'
import { roles } from '../operators/roles'
import { zones } from '../readings/domain'
import { correspondentAccountMatchesBic, innValid, settlementAccountMatchesBic } from './requisites'

export const isoDateSchema = calendarDate()

/** An id of a record being edited, or null for a new one. */
const editedId = z
  .string()
  .min(1)
  .nullable()
  .optional()
  .transform((v) => v ?? null)

export const innSchema = labelled(
  'ИНН',
  z
    .string()
    .trim()
    .regex(/^(\d{10}|\d{12})$/, '10 цифр (организация) или 12 (ИП)')
    .refine(innValid, 'неверное контрольное число, проверьте цифры'),
)
export const kppSchema = labelled(
  'КПП',
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{4}[\dA-Z]{2}\d{3}$/, '9 знаков')
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
)
export const bicSchema = labelled(
  'БИК',
  z
    .string()
    .trim()
    .regex(/^\d{9}$/, 'ровно 9 цифр'),
)
const account20 = (label: string) =>
  labelled(
    label,
    z
      .string()
      .trim()
      .regex(/^\d{20}$/, 'ровно 20 цифр'),
  )

export const supplierSaveSchema = z
  .object({
    supplierId: editedId,
    name: requiredText('Полное наименование', 300),
    shortName: requiredText('Краткое наименование', 100),
    inn: innSchema,
    kpp: kppSchema,
    ogrn: labelled(
      'ОГРН',
      z
        .string()
        .trim()
        .regex(/^(\d{13}|\d{15})?$/, '13 цифр (организация) или 15 (ИП)')
        .nullable()
        .optional()
        .transform((v) => (v ? v : null)),
    ),
    address: optionalText('Адрес', 300),
    phone: optionalPhone('Телефон'),
    email: labelled(
      'Эл. почта',
      z
        .string()
        .trim()
        .refine((v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), 'адрес вида имя@домен.ru')
        .nullable()
        .optional()
        .transform((v) => (v ? v : null)),
    ),
    bankAccount: account20('Расчетный счет'),
    bankName: requiredText('Банк', 200),
    bic: bicSchema,
    correspondentAccount: account20('Корр. счет'),
  })
  .superRefine((s, ctx) => {
    // Keys are checked only when the BIC itself is well-formed: one message per mistake.
    if (!/^\d{9}$/.test(s.bic)) return
    if (/^\d{20}$/.test(s.bankAccount) && !settlementAccountMatchesBic(s.bankAccount, s.bic)) {
      ctx.addIssue({
        code: 'custom',
        path: ['bankAccount'],
        message: 'не сходится с БИК банка, проверьте цифры',
      })
    }
    if (
      /^\d{20}$/.test(s.correspondentAccount) &&
      !correspondentAccountMatchesBic(s.correspondentAccount, s.bic)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['correspondentAccount'],
        message: 'не сходится с БИК банка, проверьте цифры',
      })
    }
  })
export type SupplierSaveInput = z.input<typeof supplierSaveSchema>
export type SupplierSaveArgs = z.output<typeof supplierSaveSchema>

export const officeSaveSchema = z.object({
  officeId: editedId,
  name: requiredText('Название офиса', 200),
  address: requiredText('Адрес офиса', 300),
  phone: optionalPhone('Телефон'),
})
export type OfficeSaveInput = z.input<typeof officeSaveSchema>
export type OfficeSaveArgs = z.output<typeof officeSaveSchema>

/** A sane bound on a rate per unit (a Gcal of heat costs thousands; a kWh, a few roubles). */
const maxRateRoubles = 100_000

/** Rates are kept to 1/1000 kopeck: at most 5 digits after the comma, in roubles. */
export const rateSchema = labelled(
  'Ставка, руб.',
  z
    .string()
    .trim()
    .transform((v) => v.replace(',', '.').replace(/\s/g, ''))
    .pipe(
      z
        .string()
        .regex(/^\d{1,7}(\.\d{1,5})?$/, 'число, не больше 5 знаков после запятой')
        .refine((v) => Number(v) > 0, 'должна быть больше нуля')
        .refine((v) => Number(v) <= maxRateRoubles, 'не больше 100 000 руб. за единицу'),
    ),
)

/** A rate typed in roubles as the exact integer of 1/1000 kopeck (4,63 -> 463000). */
export function rateMillikopecks(rate: string): number {
  const [whole, fraction = ''] = rate.split('.')
  return Number(whole) * 100_000 + Number(fraction.padEnd(5, '0'))
}

export const tariffSetSchema = z.object({
  supplierId: labelled('Поставщик', z.string().min(1, 'не выбран')),
  service: labelled('Услуга', z.enum(services, 'не выбрана')),
  tariffGroup: labelled('Тарифная группа', z.enum(tariffGroups, 'не выбрана')),
  zone: labelled('Зона', z.enum(zones, 'не выбрана')),
  validFrom: labelled('Действует с', isoDateSchema),
  rate: rateSchema,
})
export type TariffSetInput = z.input<typeof tariffSetSchema>
export type TariffSetArgs = z.output<typeof tariffSetSchema>

/** Logins that are names every object already has. */
const reservedLogins = new Set([
  'constructor',
  'prototype',
  'hasownproperty',
  'tostring',
  'valueof',
])

export const operatorSaveSchema = z
  .object({
    operatorId: editedId,
    login: labelled(
      'Логин',
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(
          /^[a-z0-9][a-z0-9._-]{2,49}$/,
          'от 3 до 50 латинских букв, цифр и знаков . _ -, первой буква или цифра',
        )
        // Names every JavaScript object has: a login keys maps and caches.
        .refine((v) => !reservedLogins.has(v), 'этот логин занят программой'),
    ),
    fullName: requiredText('ФИО', 200),
    role: labelled('Роль', z.enum(roles, 'не выбрана')),
    officeId: labelled('Офис', z.string().min(1).nullable().default(null)),
    active: labelled('Работает', z.boolean().default(true)),
    /** Empty when editing: the password stays as it was. */
    password: labelled(
      'Пароль',
      z
        .string()
        // The shortest is a dated setting (passwordMinLength), checked where it is saved.
        .max(200, 'не длиннее 200 символов')
        .default(''),
    ),
  })
  .superRefine((o, ctx) => {
    if (o.operatorId === null && o.password === '') {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'не заполнено' })
    }
    if (o.role !== 'admin' && o.officeId === null) {
      ctx.addIssue({ code: 'custom', path: ['officeId'], message: 'не выбран' })
    }
  })
export type OperatorSaveInput = z.input<typeof operatorSaveSchema>
export type OperatorSaveArgs = z.output<typeof operatorSaveSchema>

/** What operator.save records: never the password, only its scrypt hash. */
export const operatorRecordSchema = z.object({
  operatorId: z.string().min(1),
  login: operatorSaveSchema.shape.login,
  fullName: operatorSaveSchema.shape.fullName,
  role: operatorSaveSchema.shape.role,
  officeId: operatorSaveSchema.shape.officeId,
  active: z.boolean(),
  created: z.boolean(),
  passwordHash: z.string().min(1).nullable(),
})
export type OperatorRecord = z.output<typeof operatorRecordSchema>

/** The settings an admin sets on the workstation's settings screen, with their Russian names. */
export const editableSettings = {
  receiptPrinter: {
    label: 'Принтер чеков',
    schema: z.string().trim().max(200, 'не длиннее 200 символов'),
  },
  documentPrinter: {
    label: 'Принтер документов',
    schema: z.string().trim().max(200, 'не длиннее 200 символов'),
  },
  debtAlertThreshold: {
    label: 'Порог долга для предупреждения',
    schema: kopecksValue(),
  },
  passwordMinLength: {
    label: 'Наименьшая длина пароля',
    schema: z
      .number('введите число')
      .int('целое число')
      .min(8, 'не меньше 8')
      .max(64, 'не больше 64'),
  },
  screenLockMinutes: {
    label: 'Блокировка экрана через, мин',
    schema: z
      .number('введите число')
      .int('целое число')
      .min(1, 'не меньше 1')
      .max(240, 'не больше 240'),
  },
  shiftDifferenceSupervisorThreshold: {
    label: 'Расхождение в кассе, закрываемое со старшим смены',
    schema: z
      .number('введите сумму')
      .int('не больше двух знаков после запятой')
      .min(0, 'сумма не может быть отрицательной')
      .max(Number.MAX_SAFE_INTEGER),
  },
} as const
export type EditableSettingKey = keyof typeof editableSettings
export const editableSettingKeys = Object.keys(editableSettings) as EditableSettingKey[]

export const settingSetSchema = z
  .object({
    key: labelled('Настройка', z.enum(editableSettingKeys as [EditableSettingKey])),
    value: z.unknown(),
    validFrom: labelled('Действует с', isoDateSchema),
  })
  .transform((s, ctx) => {
    const def = editableSettings[s.key]
    const parsed = def.schema.safeParse(s.value)
    if (!parsed.success) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: parsed.error.issues[0]?.message ?? 'неверное значение',
        // The value is named by the setting it is for (validation.ts reads this).
        params: { label: def.label },
      })
      return z.NEVER
    }
    return { key: s.key, value: parsed.data as string | number, validFrom: s.validFrom }
  })
export type SettingSetInput = z.input<typeof settingSetSchema>
export type SettingSetArgs = z.output<typeof settingSetSchema>
