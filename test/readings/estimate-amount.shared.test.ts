import { describe, expect, it } from 'vitest'
import { estimateAmount, estimateSubmissionAmount } from '../../src-shared/readings/estimate-amount'

describe('the calculator: about how much a consumption costs at the current rates', () => {
  it.each([
    ['one zone, 200 kWh at 5.43000', { T1: 200 }, { T1: 543000 }, 108600],
    ['day and night at their rates', { T1: 140, T2: 60 }, { T1: 543000, T2: 271500 }, 92310],
    ['three zones', { T1: 100, T2: 50, T3: 80 }, { T1: 651000, T2: 271500, T3: 543000 }, 122115],
    ['half a kopeck rounds up', { T1: 1 }, { T1: 463500 }, 464],
    // Each zone is a line of the bill, rounded on its own: 463.5 + 463.5 -> 464 + 464.
    ['each zone rounded as the bill rounds it', { T1: 1, T2: 1 }, { T1: 463500, T2: 463500 }, 928],
    ['below half a kopeck rounds down', { T1: 1 }, { T1: 463499 }, 463],
    ['zero consumption costs nothing', { T1: 0 }, { T1: 543000 }, 0],
    ['nothing to estimate', {}, { T1: 543000 }, 0],
    ['a rate for a zone not consumed is ignored', { T1: 10 }, { T1: 543000, T2: 271500 }, 5430],
  ] as const)('%s', (_name, consumption, rates, kopecks) => {
    expect(estimateAmount(consumption, rates)).toBe(kopecks)
  })

  it('refuses a zone without a rate rather than calling it free', () => {
    expect(() => estimateAmount({ T1: 10, T2: 5 }, { T1: 543000 })).toThrow(/rate for zone T2/)
  })

  it('refuses negative and fractional consumption', () => {
    expect(() => estimateAmount({ T1: -1 }, { T1: 543000 })).toThrow(/T1/)
    expect(() => estimateAmount({ T1: 1.5 }, { T1: 543000 })).toThrow(/T1/)
  })
})

describe('the confirm panel\'s "about N roubles" for a checked submission', () => {
  const rates = { T1: 543000, T2: 271500 }
  it.each([
    [
      'both zones known',
      [
        { zone: 'T1', consumption: 140 },
        { zone: 'T2', consumption: 60 },
      ],
      92310,
    ],
    [
      'a zone without a previous reading',
      [
        { zone: 'T1', consumption: 140 },
        { zone: 'T2', consumption: null },
      ],
      null,
    ],
    ['a zone without a rate', [{ zone: 'T3', consumption: 10 }], null],
    ['a zone typed wrong (no consumption)', [{ zone: 'T1', consumption: null }], null],
  ] as const)('%s', (_name, zones, kopecks) => {
    expect(estimateSubmissionAmount(zones, rates)).toBe(kopecks)
  })
})
