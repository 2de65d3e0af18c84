import { parseArgs } from 'node:util'

/**
 * A bench's counts from its command line (`--accounts 100000`), each with its default; one whose
 * default is null stays undefined when not given. Anything but a whole number is refused.
 */
export function benchCounts<D extends Record<string, number | null>>(
  args: string[],
  defaults: D,
): { [K in keyof D]: D[K] extends number ? number : number | undefined } {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(
      Object.entries(defaults).map(([name, value]) => [
        name,
        value === null ? { type: 'string' } : { type: 'string', default: String(value) },
      ]),
    ) as Record<string, { type: 'string'; default?: string }>,
  })
  const counts: Record<string, number | undefined> = {}
  for (const [name, text] of Object.entries(values)) {
    const count = Number(text)
    if (typeof text !== 'string' || !Number.isInteger(count) || count < 0)
      throw new Error(`--${name} must be a whole number`)
    counts[name] = count
  }
  return counts as { [K in keyof D]: D[K] extends number ? number : number | undefined }
}
