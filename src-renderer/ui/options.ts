/** One option of an OptionSelect: what is kept and what the clerk reads. */
export interface Option<V extends string | number> {
  value: V
  label: string
}

/** Options from a list of values (an enum) and the words for each. */
export function optionsOf<V extends string | number>(
  values: readonly V[],
  label: (value: V) => string,
): Option<V>[] {
  return values.map((value) => ({ value, label: label(value) }))
}

/** Options from rows that carry an id and a name. */
export function rowOptions<R extends { id: string }>(
  rows: readonly R[],
  label: (row: R) => string,
): Option<string>[] {
  return rows.map((row) => ({ value: row.id, label: label(row) }))
}
