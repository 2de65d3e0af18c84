import { z } from 'zod'
import { calendarDate } from '../api/date-fields'
import { labelled } from '../api/validation'
import type { Zone } from '../readings/domain'
import { parseReading } from '../readings/parse-reading'
import type { DatedValue } from '../readings/register'
import { meterZones, type ZoneCount } from '../readings/zone-label'

/** The services a meter may measure (common needs are billed by the house meter). */
export const meterServices = ['electricity', 'hot_water', 'heating'] as const
export type MeterService = (typeof meterServices)[number]

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)

// Forms send what was typed (strings); handlers and the server get numbers back: both parse.
const fromTyped = (v: unknown) => {
  if (typeof v !== 'string') return v
  const s = v.trim()
  if (s === '') return undefined
  return /^\d+$/.test(s) ? Number(s) : v
}

const wholeNumber = (label: string, min: number, max: number) =>
  labelled(
    label,
    z.preprocess(
      fromTyped,
      z
        .number({ error: (i) => (i.input === undefined ? 'не заполнено' : 'введите целое число') })
        .int('введите целое число')
        .min(min, `от ${min} до ${max}`)
        .max(max, `от ${min} до ${max}`),
    ),
  )

const text = (label: string, max: number) =>
  labelled(
    label,
    z
      .string()
      .trim()
      .transform((v) => v.replace(/\s+/g, ' '))
      .pipe(z.string().min(1, 'не заполнено').max(max, `не длиннее ${max} символов`)),
  )

const optionalText = (label: string, max: number, pattern?: [RegExp, string]) =>
  labelled(
    label,
    z
      .string()
      .trim()
      .max(max, `не длиннее ${max} символов`)
      .refine((v) => !pattern || v === '' || pattern[0].test(v), pattern?.[1])
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  )

const isoDate = (label: string) =>
  labelled(
    label,
    z.string().min(1, 'не заполнено').pipe(calendarDate('неверная дата', 'неверная дата')),
  )

const zoneReading = (label: string) =>
  labelled(
    label,
    z
      .string()
      .max(30, 'не длиннее 30 символов')
      .optional()
      .transform((v) => v ?? ''),
  )

/** One typed reading per zone; only the meter's zones are read. */
const zoneReadings = (what: string) =>
  z.object({
    T1: zoneReading(`${what} T1`),
    T2: zoneReading(`${what} T2`),
    T3: zoneReading(`${what} T3`),
  })

const serialNumber = labelled(
  'Заводской номер',
  z
    .string()
    .trim()
    .regex(/^[0-9A-ZА-ЯЁ][0-9A-ZА-ЯЁ/-]{2,29}$/iu, 'от 3 до 30 символов: цифры, буквы, дефис'),
)

const seals = labelled(
  'Пломбы',
  z.preprocess(
    // «ВЭ 1234567» is one seal: seals are separated by comma, semicolon or new line, never by space.
    (v) =>
      typeof v === 'string'
        ? v
            .split(/[,;\n\r]+/)
            .map((s) => s.trim().replace(/\s+/g, ' '))
            .filter(Boolean)
        : v,
    z
      .array(
        z
          .string()
          .regex(
            /^(?=.{1,24}$)[0-9A-ZА-ЯЁ-]+(?: [0-9A-ZА-ЯЁ-]+)*$/iu,
            'номер пломбы: до 24 цифр и букв, пломбы разделяются запятой',
          ),
      )
      .max(10, 'не больше 10 пломб'),
  ),
)

/** Every field of a meter being installed, as the clerk fills them in. */
const meterShape = {
  service: labelled('Услуга', z.enum(meterServices, 'выберите услугу')),
  model: text('Модель', 100),
  serialNumber,
  zones: wholeNumber('Тарифность (зон)', 1, 3),
  intDigits: wholeNumber('Знаков до запятой', 1, 9),
  fracDigits: wholeNumber('Знаков после запятой', 0, 3),
  transformationRatio: wholeNumber('Коэффициент трансформации', 1, 10000),
  accuracyClass: optionalText('Класс точности', 10, [
    /^(0[.,]\d{1,2}|[1-9](?:[.,]\d)?)S?$/iu,
    'например 1,0 или 0,5S',
  ]),
  phases: labelled(
    'Фазность',
    z.preprocess(
      fromTyped,
      z
        .union([z.literal(1), z.literal(3)], 'однофазный (1) или трехфазный (3)')
        .nullable()
        .optional()
        .transform((v) => v ?? null),
    ),
  ),
  location: optionalText('Место установки', 100),
  installedAt: isoDate('Дата установки'),
  verifiedAt: isoDate('Дата последней поверки'),
  verificationIntervalYears: wholeNumber('Межповерочный интервал, лет', 1, 32),
  seals,
  initialReadings: zoneReadings('Начальное показание'),
}

/** What the workstation knows of a meter being removed or replaced. */
export interface OldMeterFacts {
  zones: number
  intDigits: number
  fracDigits: number
  installedAt: string
  /** The latest standing reading per zone. */
  previous: Partial<Record<Zone, DatedValue>>
}

/** Checks that need the office's today or the old meter; without them only shapes are checked. */
export interface MeterRules {
  today?: string
  old?: OldMeterFacts
}

type Issue = { path: PropertyKey[]; message: string }

function notInFuture(date: string, today: string | undefined, path: PropertyKey[]): Issue[] {
  return today && date > today ? [{ path, message: 'не может быть позже сегодняшнего дня' }] : []
}

const shownDate = (iso: string) => iso.split('-').reverse().join('.')

/** Typed readings of every zone against the meter's digits; optional floor per zone. */
function readingIssues(
  typed: Partial<Record<Zone, string>>,
  meter: { zones: number; intDigits: number; fracDigits: number },
  path: PropertyKey[],
  previous: Partial<Record<Zone, DatedValue>> = {},
): Issue[] {
  const issues: Issue[] = []
  for (const zone of meterZones(meter.zones as ZoneCount)) {
    const parsed = parseReading(typed[zone] ?? '', meter)
    const prev = previous[zone]
    if (!parsed.ok) issues.push({ path: [...path, zone], message: lowerFirst(parsed.message) })
    else if (prev && parsed.value < prev.value) {
      issues.push({
        path: [...path, zone],
        message: `меньше предыдущего показания ${prev.value} от ${shownDate(prev.date)}`,
      })
    }
  }
  return issues
}

/** Only the meter's zones are kept. */
function ownZones(
  typed: Partial<Record<Zone, string>>,
  count: number,
): Partial<Record<Zone, string>> {
  return Object.fromEntries(
    meterZones(count as ZoneCount).map((zone) => [zone, (typed[zone] ?? '').trim()]),
  )
}

function newMeterIssues(m: NewMeterShape, today: string | undefined): Issue[] {
  const issues = [
    ...notInFuture(m.installedAt, today, ['installedAt']),
    ...notInFuture(m.verifiedAt, today, ['verifiedAt']),
  ]
  const within = (n: unknown, min: number, max: number) =>
    Number.isInteger(n) && (n as number) >= min && (n as number) <= max
  // Readings are checked against the digits only once those are right themselves.
  if (within(m.zones, 1, 3) && within(m.intDigits, 1, 9) && within(m.fracDigits, 0, 3))
    issues.push(...readingIssues(m.initialReadings, m, ['initialReadings']))
  return issues
}

/** The removal date: not before the meter's install date or its last reading. */
function removalDateIssues(date: string, datePath: PropertyKey[], rules: MeterRules): Issue[] {
  const issues = notInFuture(date, rules.today, datePath)
  const old = rules.old
  if (!old || issues.length > 0) return issues
  const lastDate = Object.values(old.previous).reduce(
    (last, r) => (r && r.date > last ? r.date : last),
    old.installedAt,
  )
  if (date < lastDate) {
    const what = lastDate === old.installedAt ? 'установки счетчика' : 'последнего показания'
    issues.push({ path: datePath, message: `не раньше ${what} (${shownDate(lastDate)})` })
  }
  return issues
}

/**
 * The old meter's final reading per zone, checked on its own (so the form shows it while the
 * rest is still being typed): its digits, and not below the previous reading.
 */
function finalReadingsSchema(old: OldMeterFacts | undefined) {
  return zoneReadings('Конечное показание')
    .superRefine((typed, ctx) => {
      if (old) report(ctx, readingIssues(typed, old, [], old.previous))
    })
    .transform((typed) => (old ? ownZones(typed, old.zones) : typed))
}

function report(ctx: z.RefinementCtx, issues: Issue[], prefix: PropertyKey[] = []): void {
  for (const i of issues)
    ctx.addIssue({ code: 'custom', path: [...prefix, ...i.path], message: i.message })
}

const newMeterObject = z.object(meterShape)
type NewMeterShape = z.output<typeof newMeterObject>

/** A new meter's fields; with `today`, dates in the future are refused. */
export function newMeterSchema(rules: MeterRules = {}) {
  return newMeterObject
    .superRefine((m, ctx) => report(ctx, newMeterIssues(m, rules.today)))
    .transform((m) => ({ ...m, initialReadings: ownZones(m.initialReadings, m.zones) }))
}

const accountId = labelled('Лицевой счет', z.string().min(1, 'не выбран'))
const meterId = labelled('Счетчик', z.string().min(1, 'не выбран'))

/** meter.install: a meter with its initial reading per zone. */
export function installMeterSchema(rules: MeterRules = {}) {
  return z.object({ accountId, meter: newMeterSchema(rules) })
}

/**
 * meter.replace: the old meter's final reading per zone and the new meter with its initial
 * ones, on the new meter's install date (the old one is removed that day).
 */
export function replaceMeterSchema(rules: MeterRules = {}) {
  return z
    .object({
      accountId,
      meterId,
      finalReadings: finalReadingsSchema(rules.old),
      meter: newMeterSchema(rules),
    })
    .superRefine((v, ctx) =>
      // Its own "not in the future" is reported by the meter's schema.
      report(
        ctx,
        removalDateIssues(v.meter.installedAt, ['meter', 'installedAt'], { old: rules.old }),
      ),
    )
}

/** meter.remove: the final reading per zone, the date and why. */
export function removeMeterSchema(rules: MeterRules = {}) {
  return z
    .object({
      accountId,
      meterId,
      removedAt: isoDate('Дата снятия'),
      finalReadings: finalReadingsSchema(rules.old),
      reason: text('Причина снятия', 500),
    })
    .superRefine((v, ctx) => report(ctx, removalDateIssues(v.removedAt, ['removedAt'], rules)))
}

export type NewMeterInput = z.input<ReturnType<typeof newMeterSchema>>
export type NewMeterArgs = z.output<ReturnType<typeof newMeterSchema>>
export type InstallMeterInput = z.input<ReturnType<typeof installMeterSchema>>
export type InstallMeterArgs = z.output<ReturnType<typeof installMeterSchema>>
export type ReplaceMeterInput = z.input<ReturnType<typeof replaceMeterSchema>>
export type ReplaceMeterArgs = z.output<ReturnType<typeof replaceMeterSchema>>
export type RemoveMeterInput = z.input<ReturnType<typeof removeMeterSchema>>
export type RemoveMeterArgs = z.output<ReturnType<typeof removeMeterSchema>>
