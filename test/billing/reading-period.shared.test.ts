import { describe, expect, it } from 'vitest'
import { readingPeriod } from '../../src-shared/readings/period'

describe('the period a reading counts for, with closed periods', () => {
  it.each([
    // entry date, cutoff, closed, period, after cutoff, closed period
    ['2026-11-20', 25, [], '2026-11', false, null],
    ['2026-11-26', 25, [], '2026-12', true, null],
    // November was closed early (on the 20th): the reading of the 22nd counts for December.
    ['2026-11-22', 25, ['2026-10', '2026-11'], '2026-12', false, '2026-11'],
    // After the cutoff and December closed already: January.
    ['2026-11-27', 25, ['2026-11', '2026-12'], '2027-01', true, '2026-12'],
    // Closed periods before the reading's do not matter.
    ['2026-11-05', 25, ['2026-09', '2026-10'], '2026-11', false, null],
  ] as const)('%s, cutoff %d, closed %j: %s', (entry, cutoff, closed, period, after, was) => {
    expect(readingPeriod(entry, cutoff, closed)).toEqual({
      period,
      afterCutoff: after,
      closedPeriod: was,
    })
  })
})
