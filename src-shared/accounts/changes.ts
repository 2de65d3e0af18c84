import type { RegisterAccountArgs } from './schemas'

/** The fields of an account and its holder as stored (the registration form's parsed values). */
export type AccountFields = Omit<RegisterAccountArgs, 'existingHolderId'>

export type AccountFieldKey = keyof AccountFields

/** One changed field for the audit log: `holder.phone`, `address.flat`, `totalArea`... */
export interface FieldChange {
  field: string
  old: unknown
  new: unknown
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The top-level fields that differ (holder and address whole): what an edit command carries. */
export function changedFields(
  before: AccountFields,
  after: Partial<AccountFields>,
): Partial<AccountFields> {
  const out: Partial<Record<AccountFieldKey, unknown>> = {}
  for (const key of Object.keys(after) as AccountFieldKey[]) {
    if (after[key] !== undefined && !same(before[key], after[key])) out[key] = after[key]
  }
  return out as Partial<AccountFields>
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Old and new value per changed leaf field, for the audit log (holder and address field by field). */
export function fieldChanges(
  before: AccountFields,
  changes: Partial<AccountFields>,
): FieldChange[] {
  const out: FieldChange[] = []
  for (const key of Object.keys(changes) as AccountFieldKey[]) {
    const oldValue: unknown = before[key]
    const newValue: unknown = changes[key]
    if (key !== 'services' && isRecord(oldValue) && isRecord(newValue)) {
      for (const sub of Object.keys(newValue)) {
        if (!same(oldValue[sub], newValue[sub]))
          out.push({
            field: `${key}.${sub}`,
            old: oldValue[sub] ?? null,
            new: newValue[sub] ?? null,
          })
      }
    } else if (!same(oldValue, newValue)) {
      out.push({ field: key, old: oldValue ?? null, new: newValue ?? null })
    }
  }
  return out
}

/**
 * The account row's columns that an edit's changed fields set, on the workstation and on the
 * server alike (the holder and the services are rows of their own).
 */
export function accountColumnChanges(changes: Partial<AccountFields>) {
  return {
    ...(changes.number !== undefined && { number: changes.number }),
    ...(changes.els !== undefined && { els: changes.els }),
    ...(changes.officeId !== undefined && { officeId: changes.officeId }),
    ...(changes.relation !== undefined && { holderRelation: changes.relation }),
    ...changes.address,
    ...(changes.totalArea !== undefined && { totalArea: changes.totalArea }),
    ...(changes.livingArea !== undefined && { livingArea: changes.livingArea }),
    ...(changes.rooms !== undefined && { rooms: changes.rooms ?? null }),
    ...(changes.residents !== undefined && { residents: changes.residents }),
    ...(changes.tariffGroup !== undefined && { tariffGroup: changes.tariffGroup }),
    ...(changes.notes !== undefined && { notes: changes.notes }),
  }
}
