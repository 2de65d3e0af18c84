import type { Zone } from './domain'
import { issue, type ReadingIssue } from './issues'
import type { ReadingRuleSettings } from './rule-settings'
import type { ZoneReadingResult } from './validate-zone'

/**
 * DOMAIN "Readings" 6: a zone's share of the consumption far from the previous period's
 * (T1/T2 read out in the wrong order). Judged only when every zone has a consumption now and
 * before, and both totals are large enough for shares to mean something.
 */
export function zoneShareIssue(
  results: readonly ZoneReadingResult[],
  previousPeriod: Partial<Record<Zone, number | null>>,
  rules: ReadingRuleSettings['readingZoneShare'],
): ReadingIssue | null {
  if (results.length < 2) return null
  const now = results.map((r) => r.consumption)
  const before = results.map((r) => previousPeriod[r.zone] ?? null)
  if (now.some((c) => c === null) || before.some((c) => c === null)) return null
  const nowTotal = sum(now as number[])
  const beforeTotal = sum(before as number[])
  if (nowTotal === 0 || beforeTotal === 0) return null
  if (nowTotal < rules.minTotal || beforeTotal < rules.minTotal) return null

  const moved = results.filter((_, i) => {
    // |c/T - p/P| > tolerance/100, cross-multiplied to stay in integers.
    const gap =
      BigInt(now[i] as number) * BigInt(beforeTotal) -
      BigInt(before[i] as number) * BigInt(nowTotal)
    const abs = gap < 0n ? -gap : gap
    return abs * 100n > BigInt(rules.tolerancePoints) * BigInt(nowTotal) * BigInt(beforeTotal)
  })
  if (moved.length === 0) return null
  const shares = moved.map((r) => {
    const i = results.indexOf(r)
    return `${r.label} ${percent(now[i] as number, nowTotal)}% (было ${percent(before[i] as number, beforeTotal)}%)`
  })
  return issue(
    'zone_ratio_changed',
    `Соотношение зон изменилось: ${shares.join(', ')}. Проверьте, не перепутаны ли зоны`,
  )
}

/**
 * Readings typed into each other's fields: this order leaves a zone below its previous reading,
 * the swapped order would not.
 */
export function swappedZonesIssue(results: readonly ZoneReadingResult[]): ReadingIssue | null {
  const wrong = results.filter((r) => r.issues.some((i) => i.code === 'lower_than_previous'))
  for (const a of wrong) {
    for (const b of results) {
      if (a === b || a.value === null || b.value === null) continue
      if (a.previousValue === null || b.previousValue === null) continue
      if (a.value >= b.previousValue && b.value >= a.previousValue) {
        const [first, second] = a.zone < b.zone ? [a, b] : [b, a]
        return issue(
          'zones_swapped',
          `Похоже, показания ${first.label} и ${second.label} перепутаны местами. ` +
            'Проверьте, какое значение к какой зоне относится',
        )
      }
    }
  }
  return null
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

/** Share in whole percent, rounded half up in integers (for the message only). */
function percent(part: number, total: number): number {
  return Number((BigInt(part) * 200n + BigInt(total)) / (2n * BigInt(total)))
}
