import { z } from 'zod'
import { chosenIdNotFound, idNotFound, keyLabels } from './field-names'
import { issueMessage } from './issue-messages'
import type { ApiError } from './result'
import { cleanTexts, textFaultMessages, type TextIssue } from './text-rules'

// Every message a schema does not give itself comes from one Russian map (issue-messages.ts).
z.config({ customError: (issue) => issueMessage(issue) })

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

/** The schema of `key` inside `schema` (objects, arrays, records, unions of objects). */
function childOf(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const inner = unwrap(schema)
  if (inner instanceof z.ZodObject) return inner.shape[String(key)] as z.ZodType | undefined
  if (inner instanceof z.ZodArray) return inner.element as z.ZodType
  if (inner instanceof z.ZodRecord) return inner.valueType as z.ZodType
  if (inner instanceof z.ZodUnion) {
    for (const option of inner.options as z.ZodType[]) {
      const child = childOf(option, key)
      if (child) return child
    }
  }
  return undefined
}

/** The label of the field at `path`, or of the nearest labelled parent. */
export function labelAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let current: z.ZodType | undefined = schema
  let label: string | undefined = titleOf(schema)
  for (const key of path) {
    if (!current) break
    current = childOf(current, key)
    if (current) label = titleOf(current) ?? label
  }
  return label
}

/**
 * How a message names the field at `path`: its label (with the row of the list it is in), or,
 * for an id the clerk never typed, the sentence saying the record is missing.
 */
export function fieldNameAt(
  schema: z.ZodType,
  path: readonly PropertyKey[],
): { label: string } | { notFound: string } | null {
  let current: z.ZodType | undefined = schema
  let inherited = titleOf(schema)
  let own: string | undefined
  let row: string | undefined
  for (const key of path) {
    const parentLabel = own ?? inherited
    const next: z.ZodType | undefined = current ? childOf(current, key) : undefined
    if (typeof key === 'number' || /^\d+$/.test(String(key))) {
      // A row is worth naming only in a list the screen names.
      row = parentLabel ? `${parentLabel}, строка ${Number(key) + 1}` : undefined
    }
    inherited = parentLabel
    own =
      (next ? titleOf(next) : undefined) ??
      (typeof key === 'string' && Object.hasOwn(keyLabels, key) ? keyLabels[key] : undefined)
    current = next
  }
  const last = [...path].reverse().find((k) => typeof k === 'string' && !/^\d+$/.test(k))
  const lastKey = last === undefined ? undefined : String(last)
  const lastIsIndex = path.length > 0 && last !== path[path.length - 1]
  if (lastKey && !lastIsIndex && Object.hasOwn(idNotFound, lastKey))
    return { notFound: idNotFound[lastKey]! }
  let label = own
  if (!label && lastKey && !lastIsIndex && Object.hasOwn(chosenIdNotFound, lastKey))
    return { notFound: chosenIdNotFound[lastKey]! }
  if (!label && lastKey && !lastIsIndex && Object.hasOwn(keyLabels, lastKey))
    label = keyLabels[lastKey]
  if (lastIsIndex) return row ? { label: row } : inherited ? { label: inherited } : null
  if (row) return { label: label && !row.startsWith(`${label},`) ? `${row}, ${label}` : row }
  label ??= inherited
  return label ? { label } : null
}

/** The clerk's sentence for one problem of the field at `path`. */
export function fieldMessage(
  schema: z.ZodType,
  path: readonly PropertyKey[],
  message: string,
): string {
  const name = fieldNameAt(schema, path)
  if (!name) return message
  if ('notFound' in name) return name.notFound
  return `${name.label}: ${message}`
}

function errorOf(fields: Record<string, string>): ApiError {
  const messages = [...new Set(Object.values(fields))]
  return {
    code: 'invalid_input',
    message: messages.length === 1 ? messages[0]! : `Проверьте поля. ${messages.join('; ')}`,
    fields,
  }
}

/** Turns a failed parse into the API's error: one Russian message per field, naming it. */
export function invalidInput(schema: z.ZodType, error: z.ZodError): ApiError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.')
    if (fields[key]) continue
    // A custom issue may name its field itself (a setting's value is named by its key).
    const ownLabel = (issue as { params?: { label?: unknown } }).params?.label
    fields[key] =
      typeof ownLabel === 'string'
        ? `${ownLabel}: ${issue.message}`
        : fieldMessage(schema, issue.path, issue.message)
  }
  return errorOf(fields)
}

function textIssuesError(schema: z.ZodType, issues: TextIssue[]): ApiError {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const key = issue.path.map(String).join('.')
    fields[key] ??= fieldMessage(schema, issue.path, textFaultMessages[issue.fault])
  }
  return errorOf(fields)
}

/**
 * Parses or returns the API error, for forms, handlers and pushed commands alike: the text rules
 * (text-rules.ts) first, texts normalised to NFC, then the schema.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; error: ApiError } {
  const cleaned = cleanTexts(input)
  if (cleaned.tooDeep) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Запрос не разобран: слишком глубокая вложенность.',
      },
    }
  }
  if (cleaned.issues.length > 0)
    return { ok: false, error: textIssuesError(schema, cleaned.issues) }
  const parsed = schema.safeParse(cleaned.value)
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: invalidInput(schema, parsed.error) }
}
