/** Russian noun forms for 1, 2-4 and 5+ things: ['рубль', 'рубля', 'рублей']. */
export type PluralForms = readonly [one: string, few: string, many: string]

/** The form of a noun after an integer: 1 рубль, 2 рубля, 5 рублей, 11 рублей, 21 рубль. */
export function pluralRu(n: number, forms: PluralForms): string {
  const lastTwo = Math.abs(n) % 100
  const last = lastTwo % 10
  // 11-14 take the "many" form although they end in 1-4.
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2]
  if (last === 1) return forms[0]
  if (last >= 2 && last <= 4) return forms[1]
  return forms[2]
}
