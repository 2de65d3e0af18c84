/**
 * What the central server cannot store in a command's record: text with control characters
 * (U+0000 above all, which PostgreSQL text and jsonb refuse), lone surrogates (bad UTF-16), or the
 * replacement character a request's bad UTF-8 was decoded to. Tab, line feed and carriage return
 * are ordinary text.
 */
// eslint-disable-next-line no-control-regex
const refused = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]|\p{Cs}/u

function badText(text: string): boolean {
  return refused.test(text)
}

/** The path of the first value or key that cannot be stored ('' for the value itself), or null. */
export function unstorableAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return badText(value) ? path : null
  if (typeof value !== 'object' || value === null) return null
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value)
  for (const [key, inner] of entries) {
    const at = path === '' ? key : `${path}.${key}`
    if (badText(key)) return at
    const found = unstorableAt(inner, at)
    if (found !== null) return found
  }
  return null
}
