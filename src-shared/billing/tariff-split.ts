import { chargeAmount } from '../charges/charge-amount'
import { dayNumber, daysInPeriod, isoDate } from './days'

/** A rate of one supplier, service, tariff group and zone: [validFrom, validTo], both inclusive. */
export interface TariffRate {
  validFrom: string
  validTo: string | null
  rateMillikopecks: number
}

export interface PricedVolume {
  /** In 1/10^decimals of the unit. */
  volume: number
  decimals: number
  rateMillikopecks: number
  amount: number
}

/** The rate in force on a day: the latest validFrom on or before it, not past its validTo. */
export function rateOn(rates: readonly TariffRate[], date: string): number | null {
  let best: TariffRate | null = null
  for (const r of rates) {
    if (r.validFrom <= date && (r.validTo === null || r.validTo >= date)) {
      if (!best || r.validFrom > best.validFrom) best = r
    }
  }
  return best ? best.rateMillikopecks : null
}

/** Whether a rate starts, or ends the day before, a day after `first` up to `last`. */
function changesInside(rates: readonly TariffRate[], first: number, last: number): boolean {
  for (const r of rates) {
    const starts = dayNumber(r.validFrom)
    if (starts > first && starts <= last) return true
    if (r.validTo !== null) {
      const after = dayNumber(r.validTo) + 1
      if (after > first && after <= last) return true
    }
  }
  return false
}

/** Extra decimals a volume split by days takes, keeping within what chargeAmount takes (6). */
export function splitDecimals(decimals: number): number {
  return Math.min(3, 6 - decimals)
}

/**
 * A period's volume at its tariffs: one line when one rate holds all the period; when the rate
 * changes inside it, the volume is split by days (in thousandths more, the last part taking the
 * remainder so nothing is lost) and each part priced at its rate, rounded once per line.
 * `from`/`to` narrow the days (an account opened or closed inside the period).
 */
export function priceVolume(
  period: string,
  volume: number,
  decimals: number,
  rates: readonly TariffRate[],
  from = `${period}-01`,
  to = isoDate(dayNumber(`${period}-01`) + daysInPeriod(period) - 1),
): PricedVolume[] {
  const first = dayNumber(from)
  const last = dayNumber(to)
  if (!changesInside(rates, first, last)) {
    // One rate holds every day: the common case, without walking the days.
    const rate = rateOn(rates, from)
    if (rate === null) throw new Error(`нет тарифа, действующего на ${from}`)
    return [
      { volume, decimals, rateMillikopecks: rate, amount: chargeAmount(volume, rate, decimals) },
    ]
  }
  const segments: { rate: number; days: number }[] = []
  for (let day = first; day <= last; day++) {
    const rate = rateOn(rates, isoDate(day))
    if (rate === null) throw new Error(`нет тарифа, действующего на ${isoDate(day)}`)
    const seg = segments.at(-1)
    if (seg && seg.rate === rate) seg.days++
    else segments.push({ rate, days: 1 })
  }
  if (segments.length === 1) {
    const rate = segments[0]!.rate
    return [
      { volume, decimals, rateMillikopecks: rate, amount: chargeAmount(volume, rate, decimals) },
    ]
  }
  const extra = splitDecimals(decimals)
  const scaled = volume * 10 ** extra
  const total = last - first + 1
  const out: PricedVolume[] = []
  let before = 0
  let daysBefore = 0
  for (const seg of segments) {
    daysBefore += seg.days
    const upTo = roundHalfUp(scaled * daysBefore, total)
    const part = upTo - before
    before = upTo
    out.push({
      volume: part,
      decimals: decimals + extra,
      rateMillikopecks: seg.rate,
      amount: chargeAmount(part, seg.rate, decimals + extra),
    })
  }
  return out
}

/** numerator / denominator rounded half up (away from zero for negatives), integers only. */
export function roundHalfUp(numerator: number, denominator: number): number {
  const sign = numerator < 0 ? -1 : 1
  const n = Math.abs(numerator)
  return sign * Math.floor((2 * n + denominator) / (2 * denominator))
}

/** "1.15659" from 115659 with 5 decimals; negative volumes keep their sign. */
export function volumeText(scaled: number, decimals: number): string {
  if (decimals === 0) return String(scaled)
  const sign = scaled < 0 ? '-' : ''
  const s = String(Math.abs(scaled)).padStart(decimals + 1, '0')
  return `${sign}${s.slice(0, -decimals)}.${s.slice(-decimals)}`
}

/** "12.345" as 12345 with 3 decimals: a ledger's volume text scaled back. */
export function parseVolume(text: string): { volume: number; decimals: number } {
  const negative = text.startsWith('-')
  const [whole, frac = ''] = (negative ? text.slice(1) : text).split('.')
  const volume = Number(`${whole}${frac}`)
  return { volume: negative ? -volume : volume, decimals: frac.length }
}
