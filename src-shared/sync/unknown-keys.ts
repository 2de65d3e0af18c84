import { z } from 'zod'

/*
 * zod drops a key a nested object schema does not name; a pushed command's payload must not
 * carry one at any depth (the server would silently take less than the workstation meant). This
 * walks a value beside the schemas that read it and names the first key none of them knows.
 */

/** The schema that reads the value itself, through optional/default/pipe wrappers. */
function bare(schema: z.ZodType): z.ZodType {
  let s = schema
  for (;;) {
    if (
      s instanceof z.ZodOptional ||
      s instanceof z.ZodNullable ||
      s instanceof z.ZodDefault ||
      s instanceof z.ZodPrefault ||
      s instanceof z.ZodCatch ||
      s instanceof z.ZodReadonly
    ) {
      s = s.unwrap() as z.ZodType
    } else if (s instanceof z.ZodPipe) {
      // z.preprocess is a pipe from a transform: the schema after it reads the value.
      s = (s.in instanceof z.ZodTransform ? s.out : s.in) as z.ZodType
    } else if (s instanceof z.ZodLazy) {
      s = s.unwrap() as z.ZodType
    } else {
      return s
    }
  }
}

/** The schemas a value may be read by, unions and intersections opened. */
function readers(schemas: readonly z.ZodType[]): z.ZodType[] {
  const out: z.ZodType[] = []
  const visit = (schema: z.ZodType) => {
    const s = bare(schema)
    if (s instanceof z.ZodUnion) for (const option of s.options) visit(option as z.ZodType)
    else if (s instanceof z.ZodIntersection) {
      visit(s.def.left as z.ZodType)
      visit(s.def.right as z.ZodType)
    } else out.push(s)
  }
  schemas.forEach(visit)
  return out
}

/**
 * The path of the first key of `value` (at any depth) that none of `schemas` names, e.g.
 * `readings[0].rawValue`; null when there is none. Values a schema reads as a whole (unknown,
 * custom, a record's values) may hold anything; a value of the wrong type is the parse's to refuse.
 */
export function unknownKeyAt(
  schemas: readonly z.ZodType[],
  value: unknown,
  path = '',
): string | null {
  const kinds = readers(schemas)
  if (Array.isArray(value)) {
    const elements = kinds.flatMap((s) => (s instanceof z.ZodArray ? [s.element as z.ZodType] : []))
    if (elements.length === 0) return null
    for (let i = 0; i < value.length; i++) {
      const found = unknownKeyAt(elements, value[i], `${path}[${i}]`)
      if (found !== null) return found
    }
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const objects = kinds.filter((s) => s instanceof z.ZodObject)
  const records = kinds.filter((s) => s instanceof z.ZodRecord)
  if (objects.length + records.length === 0) return null
  for (const [key, child] of Object.entries(value)) {
    const children: z.ZodType[] = records.map((r) => r.valueType as z.ZodType)
    for (const o of objects) {
      if (Object.hasOwn(o.shape, key)) children.push(o.shape[key] as z.ZodType)
      else {
        const rest = o.def.catchall as z.ZodType | undefined
        if (rest && !(rest instanceof z.ZodNever)) children.push(rest)
      }
    }
    const at = path === '' ? key : `${path}.${key}`
    if (children.length === 0) return at
    const found = unknownKeyAt(children, child, at)
    if (found !== null) return found
  }
  return null
}
