import { z } from 'zod'
import type { ApiError } from './result'

// Generic messages (wrong type, too long, ...) in Russian; schemas add their own where it helps.
z.config(z.locales.ru())
z.config({ customError: (issue) => (issue.input === undefined ? 'не заполнено' : undefined) })

/** A schema for one form field: its Russian label travels with it, for error messages. */
export function labelled<S extends z.ZodType>(label: string, schema: S): S {
  return schema.meta({ title: label })
}

/** The schema inside optional/nullable/default/transform wrappers, or null for a bare one. */
function innerOf(schema: z.ZodType): z.ZodType | null {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return schema.unwrap() as z.ZodType
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault)
    return schema.unwrap() as z.ZodType
  if (schema instanceof z.ZodPipe) return schema.in as z.ZodType
  return null
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema
  for (let inner = innerOf(current); inner; inner = innerOf(current)) current = inner
  return current
}

/** The first title found going inwards through the wrappers. */
function titleOf(schema: z.ZodType): string | undefined {
  for (let s: z.ZodType | null = schema; s; s = innerOf(s)) {
    const title = s.meta()?.title
    if (title) return title
  }
  return undefined
}

/** The label of the field at `path`, or of the nearest labelled parent. */
export function labelAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let current: z.ZodType | undefined = schema
  let label: string | undefined = titleOf(schema)
  for (const key of path) {
    if (!current) break
    const inner = unwrap(current)
    if (inner instanceof z.ZodObject) current = inner.shape[String(key)] as z.ZodType | undefined
    else if (inner instanceof z.ZodArray) current = inner.element as z.ZodType
    else current = undefined
    if (current) label = titleOf(current) ?? label
  }
  return label
}

/** Turns a failed parse into the API's error: one Russian message per field, naming it. */
export function invalidInput(schema: z.ZodType, error: z.ZodError): ApiError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.')
    if (fields[key]) continue
    const label = labelAt(schema, issue.path)
    fields[key] = label ? `${label}: ${issue.message}` : issue.message
  }
  const messages = Object.values(fields)
  return {
    code: 'invalid_input',
    message: messages.length === 1 ? messages[0]! : `Проверьте поля. ${messages.join('; ')}`,
    fields,
  }
}

/** Parses or returns the API error, for forms and handlers alike. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; error: ApiError } {
  const parsed = schema.safeParse(input)
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: invalidInput(schema, parsed.error) }
}
