import { z } from 'zod'
import { normalizePhone } from '../accounts/phone'
import { labelled } from './validation'

// The text fields the forms share (accounts, reference data, service requests): one wording
// of their refusals.

/** Text the clerk must fill, trimmed, at most `max` characters. */
export const requiredText = (label: string, max = 200) =>
  labelled(label, z.string().trim().min(1, 'не заполнено').max(max, `не длиннее ${max} символов`))

/** Text that may stay empty (null then), trimmed, at most `max` characters. */
export const optionalText = (label: string, max = 200) =>
  labelled(
    label,
    z
      .string()
      .trim()
      .max(max, `не длиннее ${max} символов`)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
  )

function toPhone(typed: string, ctx: z.RefinementCtx): string {
  const phone = normalizePhone(typed)
  if (phone !== null) return phone
  ctx.addIssue({ code: 'custom', message: '10 цифр после +7 или 8' })
  return z.NEVER
}

/** A phone number the clerk must give, kept as +7XXXXXXXXXX. */
export const requiredPhone = (label: string) =>
  labelled(label, z.string().trim().transform(toPhone))

/** A phone number that may stay empty (null then), kept as +7XXXXXXXXXX. */
export const optionalPhone = (label: string) =>
  labelled(
    label,
    z
      .string()
      .trim()
      .nullable()
      .optional()
      .transform((v, ctx) => (v ? toPhone(v, ctx) : null)),
  )
