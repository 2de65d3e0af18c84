/*
 * What any text a workstation or a clerk sends must be, whatever field it is in: well-formed
 * Unicode in NFC, without control characters (line breaks and tabs aside), without the bidi
 * overrides that make a name read differently from what is stored, and not only invisible
 * characters. Applied to the whole input before a schema parses it (validate), so every channel
 * and every pushed command gets the same rules, a new one included.
 */

export type TextFault = 'control' | 'bidi' | 'invisible' | 'malformed'

export const textFaultMessages: Record<TextFault, string> = {
  control: 'недопустимый управляющий символ',
  bidi: 'недопустимый символ смены направления текста',
  invisible: 'только невидимые символы',
  malformed: 'недопустимые символы',
}

// C0 and C1 controls but tab, line feed and carriage return (notes may have several lines).
// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u
// Embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
const bidi = /[\u202A-\u202E\u2066-\u2069]/u
// Half of a surrogate pair: not a character at all (bad UTF-16).
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// Only spaces, format characters (zero-width, BOM, marks) and fillers that render as nothing.
const invisibleOnly = /^[\s\p{Cf}\u034F\u115F\u1160\u2800\u3164\uFFA0]+$/u
const someFormat = /[\p{Cf}\u034F\u115F\u1160\u2800\u3164\uFFA0]/u

/** What is wrong with a text, or null. */
export function textFault(text: string): TextFault | null {
  if (loneSurrogate.test(text)) return 'malformed'
  if (control.test(text)) return 'control'
  if (bidi.test(text)) return 'bidi'
  // Plain spaces are the schema's business (trimmed, then «не заполнено»).
  if (invisibleOnly.test(text) && someFormat.test(text)) return 'invisible'
  return null
}

export interface TextIssue {
  path: PropertyKey[]
  fault: TextFault
}

/** Inputs deeper than this are no form of ours. */
const maxDepth = 24

/**
 * The input with every text in NFC, and the texts that break the rules. Keys are copied as own
 * properties (a `__proto__` key stays a plain key, never a prototype).
 */
export function cleanTexts(input: unknown): {
  value: unknown
  issues: TextIssue[]
  tooDeep: boolean
} {
  const issues: TextIssue[] = []
  let tooDeep = false
  const walk = (value: unknown, path: PropertyKey[]): unknown => {
    if (typeof value === 'string') {
      const fault = textFault(value)
      if (fault) {
        issues.push({ path, fault })
        return value
      }
      return value.normalize('NFC')
    }
    if (typeof value !== 'object' || value === null) return value
    if (path.length >= maxDepth) {
      tooDeep = true
      return value
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]))
    // Only plain data is walked: anything else is for the schema to refuse.
    const proto = Object.getPrototypeOf(value) as unknown
    if (proto !== Object.prototype && proto !== null) return value
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])] as const),
    )
  }
  const value = walk(input, [])
  return { value, issues, tooDeep }
}
