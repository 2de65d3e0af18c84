import { splitKopecks } from './kopecks'
import { pluralRu, type PluralForms } from './plural'

type Gender = 'masculine' | 'feminine'

const ones = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять']
const onesFeminine = ['', 'одна', 'две', ...ones.slice(3)]
const teens = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
]
const tens = [
  '',
  '',
  'двадцать',
  'тридцать',
  'сорок',
  'пятьдесят',
  'шестьдесят',
  'семьдесят',
  'восемьдесят',
  'девяносто',
]
const hundreds = [
  '',
  'сто',
  'двести',
  'триста',
  'четыреста',
  'пятьсот',
  'шестьсот',
  'семьсот',
  'восемьсот',
  'девятьсот',
]

// Scales from the smallest: the noun decides the gender of the numeral before it
// (одна тысяча, but один миллион; один рубль).
const scales: { forms: PluralForms; gender: Gender }[] = [
  { forms: ['тысяча', 'тысячи', 'тысяч'], gender: 'feminine' },
  { forms: ['миллион', 'миллиона', 'миллионов'], gender: 'masculine' },
  { forms: ['миллиард', 'миллиарда', 'миллиардов'], gender: 'masculine' },
]

const rouble: PluralForms = ['рубль', 'рубля', 'рублей']
const kopeck: PluralForms = ['копейка', 'копейки', 'копеек']

/** The largest amount spelled: 999 999 999 999,99 roubles (up to billions). */
export const maxAmountInWords = 99_999_999_999_999

/** 1..999 in words, in the gender of the noun that follows. */
function triadInWords(n: number, gender: Gender): string[] {
  const words: string[] = []
  const h = Math.floor(n / 100)
  const rest = n % 100
  if (h > 0) words.push(hundreds[h] as string)
  if (rest >= 10 && rest < 20) {
    words.push(teens[rest - 10] as string)
  } else {
    const t = Math.floor(rest / 10)
    const u = rest % 10
    if (t > 0) words.push(tens[t] as string)
    if (u > 0) words.push((gender === 'feminine' ? onesFeminine : ones)[u] as string)
  }
  return words
}

/** Whole roubles in words, without the currency noun: 1234 -> "одна тысяча двести тридцать четыре". */
export function integerInWords(n: number, gender: Gender = 'masculine'): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a non-negative integer: ${n}`)
  if (n === 0) return 'ноль'
  const words: string[] = []
  let rest = n
  const triads: number[] = []
  while (rest > 0) {
    triads.push(rest % 1000)
    rest = Math.floor(rest / 1000)
  }
  if (triads.length > scales.length + 1) throw new Error(`too large to spell: ${n}`)
  for (let i = triads.length - 1; i >= 0; i -= 1) {
    const triad = triads[i] as number
    if (triad === 0) continue
    const scale = i === 0 ? null : (scales[i - 1] as (typeof scales)[number])
    words.push(...triadInWords(triad, scale ? scale.gender : gender))
    if (scale) words.push(pluralRu(triad, scale.forms))
  }
  return words.join(' ')
}

/**
 * An amount as payment documents write it: roubles in words, kopecks in figures,
 * capitalised. 123456 -> "Одна тысяча двести тридцать четыре рубля 56 копеек".
 */
export function amountInWords(kopecks: number): string {
  if (kopecks > maxAmountInWords) throw new Error(`amount too large to spell: ${kopecks}`)
  const parts = splitKopecks(kopecks)
  const text = [
    integerInWords(parts.roubles),
    pluralRu(parts.roubles, rouble),
    String(parts.kopecks).padStart(2, '0'),
    pluralRu(parts.kopecks, kopeck),
  ].join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}
