/**
 * Account search works on one line of normalised terms per account in an FTS5 index.
 * The same normalisation runs on what the clerk types, so "Ё" finds "е", "8 (916) 123-45-67"
 * finds the phone and "СЕ101-R5" finds the serial.
 */

/** Lower case, ё as е, punctuation dropped inside a word. */
function normaliseWord(word: string): string {
  return word
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]/gu, '')
}

/** Street-type words that clerks type but that carry no meaning for the search. */
const noiseWords = new Set(['ул', 'улица', 'д', 'дом', 'кв', 'квартира', 'корп', 'пр', 'г', 'пер'])

/** Dots and commas separate words ("Иванов И.И."); dashes and slashes stay inside them. */
function queryWords(text: string): string[] {
  return text
    .split(/[\s.,;]+/u)
    .map(normaliseWord)
    .filter((w) => w && !noiseWords.has(w))
}

const separator = /[^\p{L}\p{N}]/u

/**
 * Both the joined form ("12/1" -> "121") and its pieces ("12", "1") are indexed. Most words are
 * letters or digits only: they skip the splitting (a bootstrap indexes 100,000 accounts at once).
 */
function termsOf(text: string | null | undefined): string[] {
  if (!text) return []
  const out: string[] = []
  for (const raw of text.split(/\s+/u)) {
    const lower = raw.toLowerCase().replaceAll('ё', 'е')
    if (!separator.test(lower)) {
      if (lower) out.push(lower)
      continue
    }
    const joined = normaliseWord(lower)
    if (!joined) continue
    out.push(joined)
    const pieces = lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
    if (pieces.length > 1) out.push(...pieces)
  }
  return out
}

function phoneTerms(phone: string): string[] {
  const ten = phone.replace(/\D/g, '').slice(-10)
  if (ten.length !== 10) return termsOf(phone)
  // The caller may say it with 8, with 7, or only the ten digits.
  return [ten, `7${ten}`, `8${ten}`]
}

/** An account's own searched fields: its numbers and its address. */
export interface AccountSearchKeys {
  number: string
  els: string | null
  settlement: string
  street: string
  house: string
  building: string | null
  flat: string | null
}

export interface AccountSearchDocument extends AccountSearchKeys {
  names: string[]
  phones: string[]
  serials: string[]
}

export function accountSearchTerms(doc: AccountSearchDocument): string {
  const terms = new Set<string>([
    ...termsOf(doc.number),
    // Account numbers are also found by their digits alone, without the letter prefix.
    ...termsOf(doc.number.replace(/\D/g, '')),
    ...termsOf(doc.els),
    ...doc.names.flatMap(termsOf),
    ...termsOf(doc.settlement),
    ...termsOf(doc.street),
    ...termsOf(doc.house),
    ...termsOf(doc.building),
    ...termsOf(doc.flat),
    ...doc.phones.flatMap(phoneTerms),
    ...doc.serials.flatMap(termsOf),
  ])
  for (const noise of noiseWords) terms.delete(noise)
  return [...terms].join(' ')
}

export interface SearchPlan {
  /** Every word whole: the best matches, and cheap even for common names. */
  exact: string
  /** The word being typed as a prefix; runs only to fill the page after `exact`. */
  prefix: string
}

function quoted(token: string, asPrefix: boolean): string {
  return asPrefix ? `"${token}"*` : `"${token}"`
}

/**
 * How to look up what the clerk typed, or null when there is nothing to look for.
 * Only the last word is still being typed, so only it matches as a prefix; house and flat
 * numbers (up to 4 digits) match exactly. A prefix on a finished word ("степанов"* also finding
 * Степанович) or on a short number (all phones starting with 748) made the index merge huge lists.
 */
export function searchPlan(query: string): SearchPlan | null {
  const trimmed = query.trim()
  // A phone number typed with spaces and dashes is one key, not several.
  const digitsOnly = trimmed.replace(/[\s()+\-.]/g, '')
  const typed = /^\d{5,}$/.test(digitsOnly) ? [digitsOnly] : queryWords(trimmed)
  // A lone letter carries almost nothing, unless it is all there is.
  const tokens = typed.filter((t) => t.length >= 2 || /^\d$/.test(t) || typed.length === 1)
  if (tokens.length === 0) return null
  const last = tokens.length - 1
  const shortNumber = (t: string) => /^\d{1,4}$/.test(t)
  return {
    exact: tokens.map((t) => quoted(t, false)).join(' AND '),
    prefix: tokens.map((t, i) => quoted(t, i === last && !shortNumber(t))).join(' AND '),
  }
}
