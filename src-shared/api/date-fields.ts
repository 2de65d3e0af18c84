import { z } from 'zod'

/*
 * Calendar dates and billing periods as the channels and pushed commands take them: real days of
 * real months (2026-02-30 and 0000-00-00 are refused, not stored), within years an office can
 * mean. A regex alone lets both through.
 */

export const firstYear = 1900
export const lastYear = 2100

function realDay(year: number, month: number, day: number): boolean {
  if (year < firstYear || year > lastYear || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const yearsMessage = `год от ${firstYear} до ${lastYear}`
const inYears = (s: string) =>
  Number(s.slice(0, 4)) >= firstYear && Number(s.slice(0, 4)) <= lastYear

/** True for a real YYYY-MM-DD date between 1900 and 2100. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return m !== null && realDay(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** True for a real YYYY-MM month between 1900 and 2100. */
export function isPeriod(text: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(text)
  return m !== null && realDay(Number(m[1]), Number(m[2]), 1)
}

/** A calendar date field, YYYY-MM-DD (the forms' date pickers give this format). */
export function calendarDate(
  formatMessage = 'дата в виде ГГГГ-ММ-ДД',
  dayMessage = 'такой даты нет',
) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, formatMessage)
    .refine((s) => isCalendarDate(s) || !inYears(s), dayMessage)
    .refine(inYears, yearsMessage)
}

/** A billing period, YYYY-MM. */
export function periodField() {
  return z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'месяц в виде ГГГГ-ММ')
    .refine((s) => isPeriod(s) || !inYears(s), 'такого месяца нет')
    .refine(inYears, yearsMessage)
}
