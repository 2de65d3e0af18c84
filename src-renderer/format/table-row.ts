/**
 * el-table hands rows to column slots as `Record<PropertyKey, any>`; this gives them back the
 * type of the data the table was given, so templates stay type-checked.
 */
export function rowOf<T>(): (row: unknown) => T {
  return (row) => row as T
}
