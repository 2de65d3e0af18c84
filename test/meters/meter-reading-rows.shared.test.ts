import { describe, expect, it } from 'vitest'
import { meterReadingFlags, meterReadingRows } from '../../src-shared/meters/meter-rows'

const by = { at: '2026-11-20T09:00:00.000Z', operatorId: 'op-1', workstationId: 'ws-1' }
const fact = {
  meterId: 'm-1',
  accountId: 'acc-1',
  meter: { intDigits: 5, fracDigits: 1, transformationRatio: 2 },
  date: '2026-11-20',
  period: '2026-11',
}

describe("a meter's initial or final reading as readings rows", () => {
  it.each([
    {
      name: 'initial, two zones: no consumption',
      typed: { T1: '00123,4', T2: '45' },
      previous: undefined,
      flag: meterReadingFlags.installed,
      expected: [
        { zone: 'T1', rawValue: '00123,4', value: 123, consumption: null },
        { zone: 'T2', rawValue: '45', value: 45, consumption: null },
      ],
    },
    {
      name: 'final: consumption from the previous reading, times the ratio',
      typed: { T1: '150' },
      previous: { T1: { date: '2026-10-20', value: 120 } },
      flag: meterReadingFlags.removed,
      expected: [{ zone: 'T1', rawValue: '150', value: 150, consumption: 60 }],
    },
  ])('$name', ({ typed, previous, flag, expected }) => {
    const rows = meterReadingRows({ ...fact, typed, previous, flag }, (zone) => `r-${zone}`, by)
    expect(rows).toEqual(
      expected.map((e) => ({
        ...e,
        id: `r-${e.zone}`,
        meterId: 'm-1',
        accountId: 'acc-1',
        readingDate: '2026-11-20',
        enteredAt: by.at,
        period: '2026-11',
        source: 'control',
        status: 'accepted',
        flags: JSON.stringify([flag]),
        operatorId: 'op-1',
        workstationId: 'ws-1',
      })),
    )
  })
})
