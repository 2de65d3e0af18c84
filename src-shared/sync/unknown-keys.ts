import { z } from 'zod'

/*
 * zod drops a key a nested object schema does not name; a pushed command's payload must not
 * carry one at any depth (the server would silently take less than the workstation meant). This
 * walks a value beside the schemas that read it and names the first key none of them knows.
 * Every pushed command is walked, so what the schemas allow is worked out once per schema (a
 * plan), not again for every key of every payload (zod's instanceof checks are not cheap).
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
 * What a value read by a set of schemas may hold, worked out on first use: the elements of an
 * array, the keys of an object and what reads each of them. Children are planned lazily (a
 * z.lazy schema may refer to itself), and only for keys a schema names, so a payload full of
 * made-up keys adds nothing to the plans.
 */
class KeyPlan {
  /** Arrays: the plan of their elements; null when no reader is an array (not walked). */
  private elementPlan: KeyPlan | null | undefined
  private readonly elementSchemas: z.ZodType[]
  /** Objects: walked when some reader is an object or a record. */
  readonly walksObjects: boolean
  /** The schemas reading each key some object names (with records' values and catchalls). */
  private readonly named = new Map<string, z.ZodType[]>()
  private readonly namedPlans = new Map<string, KeyPlan>()
  /** The schemas reading any other key: records' values and catchalls; none: the key is unknown. */
  private readonly rest: z.ZodType[]
  private restPlan: KeyPlan | undefined

  constructor(schemas: readonly z.ZodType[]) {
    const kinds = readers(schemas)
    this.elementSchemas = kinds.flatMap((s) =>
      s instanceof z.ZodArray ? [s.element as z.ZodType] : [],
    )
    const objects = kinds.filter((s) => s instanceof z.ZodObject)
    const records = kinds.filter((s) => s instanceof z.ZodRecord)
    this.walksObjects = objects.length + records.length > 0
    const values = records.map((r) => r.valueType as z.ZodType)
    const restOf = (o: z.ZodObject) => {
      const rest = o.def.catchall as z.ZodType | undefined
      return rest && !(rest instanceof z.ZodNever) ? [rest] : []
    }
    this.rest = [...values, ...objects.flatMap(restOf)]
    for (const key of new Set(objects.flatMap((o) => Object.keys(o.shape)))) {
      const children = [...values]
      for (const o of objects) {
        if (Object.hasOwn(o.shape, key)) children.push(o.shape[key] as z.ZodType)
        else children.push(...restOf(o))
      }
      this.named.set(key, children)
    }
  }

  element(): KeyPlan | null {
    if (this.elementPlan === undefined) {
      this.elementPlan = this.elementSchemas.length === 0 ? null : planOf(this.elementSchemas)
    }
    return this.elementPlan
  }

  /** The plan of a key's value, or null when no schema knows the key. */
  child(key: string): KeyPlan | null {
    const named = this.named.get(key)
    if (named) {
      let plan = this.namedPlans.get(key)
      if (!plan) this.namedPlans.set(key, (plan = planOf(named)))
      return plan
    }
    if (this.rest.length === 0) return null
    return (this.restPlan ??= planOf(this.rest))
  }
}

/** One plan per schema read alone (shared by every place that schema appears). */
const single = new WeakMap<z.ZodType, KeyPlan>()

function planOf(schemas: readonly z.ZodType[]): KeyPlan {
  if (schemas.length !== 1) return new KeyPlan(schemas)
  const [schema] = schemas as [z.ZodType]
  let plan = single.get(schema)
  if (!plan) single.set(schema, (plan = new KeyPlan(schemas)))
  return plan
}

/** The path (innermost last) to the first key no plan knows, or null. */
function unknownPath(plan: KeyPlan, value: unknown): (string | number)[] | null {
  if (Array.isArray(value)) {
    const element = plan.element()
    if (element === null) return null
    for (let i = 0; i < value.length; i++) {
      const found = unknownPath(element, value[i])
      if (found !== null) return (found.push(i), found)
    }
    return null
  }
  if (typeof value !== 'object' || value === null || !plan.walksObjects) return null
  for (const key of Object.keys(value)) {
    const child = plan.child(key)
    if (child === null) return [key]
    const found = unknownPath(child, (value as Record<string, unknown>)[key])
    if (found !== null) return (found.push(key), found)
  }
  return null
}

/** `readings[0].rawValue` from the path built innermost first. */
function pathText(reversed: (string | number)[]): string {
  let text = ''
  for (let i = reversed.length - 1; i >= 0; i--) {
    const part = reversed[i]!
    text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`
  }
  return text
}

/**
 * A finder of the path of the first key of a value (at any depth) that none of `schemas` names,
 * e.g. `readings[0].rawValue`; null when there is none. Values a schema reads as a whole
 * (unknown, custom, a record's values) may hold anything; a value of the wrong type is the
 * parse's to refuse. Make it once per set of schemas: the plan it builds is kept with it.
 */
export function unknownKeyFinder(schemas: readonly z.ZodType[]): (value: unknown) => string | null {
  let plan: KeyPlan | undefined
  return (value) => {
    const found = unknownPath((plan ??= planOf(schemas)), value)
    return found === null ? null : pathText(found)
  }
}

/** The first unknown key's path in `value` (see unknownKeyFinder), planning the schemas anew. */
export function unknownKeyAt(schemas: readonly z.ZodType[], value: unknown): string | null {
  return unknownKeyFinder(schemas)(value)
}
