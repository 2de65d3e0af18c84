import { z } from 'zod'

/** A field of a channel's input: where it sits and the schema that alone decides its value. */
export interface Leaf {
  path: (string | number)[]
  schema: z.ZodType
  /** A key of a partial record: leaving it out is fine whatever its schema says. */
  mayBeMissing?: boolean
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema
  for (;;) {
    if (
      s instanceof z.ZodOptional ||
      s instanceof z.ZodNullable ||
      s instanceof z.ZodDefault ||
      s instanceof z.ZodPrefault
    )
      s = s.unwrap() as z.ZodType
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType
    else return s
  }
}

/** Every field a form or screen fills, through objects, lists, records and unions. */
export function leavesOf(schema: z.ZodType, path: (string | number)[] = []): Leaf[] {
  const inner = unwrap(schema)
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
      leavesOf(child, [...path, key]),
    )
  }
  if (inner instanceof z.ZodArray) {
    return [{ path, schema }, ...leavesOf(inner.element as z.ZodType, [...path, 0])]
  }
  if (inner instanceof z.ZodRecord) {
    const keys = inner.keyType instanceof z.ZodEnum ? (inner.keyType.options as string[]) : []
    return [
      { path, schema },
      ...keys.flatMap((k) =>
        leavesOf(inner.valueType as z.ZodType, [...path, k]).map((leaf) => ({
          ...leaf,
          mayBeMissing: true,
        })),
      ),
    ]
  }
  if (inner instanceof z.ZodUnion) {
    const objects = (inner.options as z.ZodType[]).filter((o) => unwrap(o) instanceof z.ZodObject)
    if (objects.length > 0) {
      const seen = new Set<string>()
      return objects
        .flatMap((o) => leavesOf(o, path))
        .filter((leaf) => {
          const key = leaf.path.join('.')
          if (seen.has(key)) return false
          seen.add(key)
          return true
        })
    }
  }
  if (inner instanceof z.ZodUnknown || inner instanceof z.ZodAny) return []
  return path.length === 0 ? [] : [{ path, schema }]
}

/** An input holding `value` at `path` and nothing else. */
export function inputWith(path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path
  const inner = inputWith(rest, value)
  if (typeof head === 'number') return [inner]
  return value === undefined && rest.length === 0 ? {} : { [head!]: inner }
}
