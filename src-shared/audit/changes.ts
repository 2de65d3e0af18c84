import type { AuditChange } from './contract'

function shown(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** Nested objects as dotted keys: { holder: { phone } } -> 'holder.phone'. */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else if (prefix) {
    out.set(prefix, value)
  }
  return out
}

function isFieldChange(v: unknown): v is { field: string; old: unknown; new: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { field?: unknown }).field === 'string'
}

/**
 * The field changes an audit entry's details describe: `{ old, new }` of an edit gives only the
 * fields that changed (old -> new); an account edit's `changes` list gives them field by field;
 * `{ new }` or a plain object gives the values as recorded.
 */
export function auditChanges(details: unknown): AuditChange[] {
  if (details === null || typeof details !== 'object') return []
  const d = details as Record<string, unknown>
  if (Array.isArray(d.changes) && d.changes.every(isFieldChange)) {
    return d.changes.map((c) => ({ field: c.field, old: shown(c.old), new: shown(c.new) }))
  }
  if ('old' in d && 'new' in d) {
    const before = flatten(d.old)
    const after = flatten(d.new)
    const fields = [...new Set([...before.keys(), ...after.keys()])]
    return fields
      .filter((f) => shown(before.get(f)) !== shown(after.get(f)))
      .map((field) => ({ field, old: shown(before.get(field)), new: shown(after.get(field)) }))
  }
  const values = flatten('new' in d ? d.new : d)
  return [...values].map(([field, v]) => ({ field, new: shown(v) }))
}
