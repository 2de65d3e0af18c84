import { zones, type Zone } from './domain'

export type ZoneCount = 1 | 2 | 3

// A two-rate meter's T1 is "day"; on a three-rate meter T1 is the peak and T3 the semi-peak.
const labels: Record<ZoneCount, Record<Zone, string>> = {
  1: { T1: 'T1', T2: 'T2', T3: 'T3' },
  2: { T1: 'T1 (день)', T2: 'T2 (ночь)', T3: 'T3' },
  3: { T1: 'T1 (пик)', T2: 'T2 (ночь)', T3: 'T3 (полупик)' },
}

/** The zones a meter with `count` rates reads, in order. */
export function meterZones(count: ZoneCount): Zone[] {
  return zones.slice(0, count)
}

/** How the clerk sees a zone in messages: 'T1 (день)' on a two-rate meter. */
export function zoneLabel(zone: Zone, count: ZoneCount): string {
  return labels[count][zone]
}
