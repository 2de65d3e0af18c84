/** A decimal string from the API ("123.45") with the Russian decimal comma. */
export function formatDecimal(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  return String(value).replace('.', ',')
}
