import { describe, expect, it } from 'vitest'
import type { Zone } from '../../src-shared/readings/domain'
import type { ReadingCheckStatus, ReadingIssueCode } from '../../src-shared/readings/issues'
import type { DatedValue } from '../../src-shared/readings/register'
import {
  defaultReadingRules,
  readingRulesFrom,
  readingSettingKeys,
} from '../../src-shared/readings/rule-settings'
import { settingDefinitions } from '../../src-shared/settings/definitions'
import {
  validateReadingSubmission,
  type ReadingMeter,
  type ReadingSubmissionInput,
} from '../../src-shared/readings/validate-reading'

// The usual story: read monthly on the 20th, 200 kWh a month, last read 4580 on 20 March.
// Average: 1000 kWh over the 151 days from 20.10 to 20.03; 31 days to 20.04 -> about 205.
// With the default bands that is: ok 123..348, warning 21..122 and 349..820, error beyond.
const sixMonths = [
  '2025-10-20',
  '2025-11-20',
  '2025-12-20',
  '2026-01-20',
  '2026-02-20',
  '2026-03-20',
]

function series(start: number, perMonth: number, dates = sixMonths): DatedValue[] {
  return dates.map((date, i) => ({ date, value: start + perMonth * i }))
}

/** The last reading of a series, as the previous accepted one. */
function lastOf(history: DatedValue[]): DatedValue {
  return history.at(-1) as DatedValue
}

interface Story {
  meter?: Partial<ReadingMeter>
  typed?: Partial<Record<Zone, string>>
  history?: Partial<Record<Zone, DatedValue[]>>
  /** Defaults to the last reading of each zone's history. */
  previous?: Partial<Record<Zone, DatedValue>>
  readingDate?: string
  entryDate?: string
  occupied?: boolean
  settings?: Partial<ReadingSubmissionInput['settings']>
}

function story(s: Story): ReadingSubmissionInput {
  const history = s.history ?? { T1: series(3580, 200) }
  const previous =
    s.previous ?? Object.fromEntries(Object.entries(history).map(([zone, h]) => [zone, lastOf(h)]))
  return {
    meter: {
      zones: 1,
      intDigits: 5,
      fracDigits: 1,
      transformationRatio: 1,
      nextVerificationAt: '2030-01-01',
      status: 'active',
      ...s.meter,
    },
    values: s.typed ?? {},
    readingDate: s.readingDate ?? '2026-04-20',
    entryDate: s.entryDate ?? s.readingDate ?? '2026-04-20',
    previous,
    history,
    occupied: s.occupied ?? true,
    settings: { ...defaultReadingRules(), ...s.settings },
  }
}

interface ZoneExpectation {
  /** Exactly these issue codes, in order (none when omitted). */
  codes?: ReadingIssueCode[]
  value?: number | null
  consumption?: number | null
  expected?: number | null
  rollover?: boolean
  message?: RegExp
}

interface Expectation {
  status: ReadingCheckStatus
  zones?: Partial<Record<Zone, ZoneExpectation>>
  /** Exactly these submission-level codes (none when omitted). */
  issues?: ReadingIssueCode[]
  message?: RegExp
  period?: string
  afterCutoff?: boolean
  total?: number | null
  expectedTotal?: number | null
  supervisorMayAccept?: boolean
}

interface Case {
  name: string
  input: ReadingSubmissionInput
  expect: Expectation
}

const single = (typed: string, rest: Omit<Story, 'typed'> = {}) =>
  story({ ...rest, typed: { T1: typed } })

// A two-rate meter: 140 a month by day, 60 by night; 3700 and 1300 on 20 March.
const dayNight = { T1: series(3000, 140), T2: series(1000, 60) }
const twoRate = { zones: 2 } as const

/** A meter behind current transformers (x40) that moved 5 a month on its register. */
const behindTransformers = (typed: string) =>
  single(typed, { meter: { transformationRatio: 40 }, history: { T1: series(100, 5) } })

const cases: Case[] = [
  // Typing: comma, point, leading zeros, spaces
  {
    name: 'clerk types the reading the caller read out',
    input: single('4780'),
    expect: {
      status: 'ok',
      zones: { T1: { value: 4780, consumption: 200, expected: 205 } },
      total: 200,
      expectedTotal: 205,
      period: '2026-04',
      afterCutoff: false,
    },
  },
  // Ways of typing the same drum: each bills 4780.
  ...[
    ['types the fraction after a comma: dropped, only the integer is billed', '4780,7'],
    ['types a point and ,9: dropped, not rounded up', '4780.9'],
    ['keeps the leading zero of the drum', '04780'],
    ['types spaces between the digits', '4 780,5'],
  ].map(([what, typed]): Case => ({
    name: `clerk ${what}`,
    input: single(typed!),
    expect: { status: 'ok', zones: { T1: { value: 4780, consumption: 200 } } },
  })),
  // Digit capacity and the fraction typed as integers
  {
    name: 'clerk types 123456 on a 5+1 meter: the fraction typed as an integer',
    input: single('123456'),
    expect: {
      status: 'error',
      zones: {
        T1: {
          codes: ['too_many_int_digits'],
          value: null,
          consumption: null,
          message:
            /^T1: 6 цифр до запятой, а у счетчика 5\. Проверьте: возможно, цифры после запятой введены как целые \(12345,6\)$/,
        },
      },
      total: null,
      supervisorMayAccept: false,
    },
  },
  {
    name: 'clerk types all six drum digits 047807 with the leading zero',
    input: single('047807'),
    expect: {
      status: 'error',
      zones: { T1: { codes: ['too_many_int_digits'], message: /\(04780,7\)/ } },
    },
  },
  {
    name: 'clerk types 46801 for 4680,1 (fits the capacity): the jump gives it away',
    input: single('46801'),
    expect: {
      status: 'error',
      zones: {
        T1: {
          codes: ['above_error_band'],
          consumption: 42221,
          message:
            /возможно, цифры после запятой введены как целые \(4680,1\); принять может только старший смены, или закажите контрольное снятие$/,
        },
      },
      supervisorMayAccept: true,
    },
  },
  {
    name: 'clerk drops the leading zero and types the fraction: 28356 for 02835,6',
    input: single('28356', { history: { T1: series(1635, 200) } }),
    expect: {
      status: 'error',
      zones: { T1: { codes: ['above_error_band'], consumption: 25721, message: /\(2835,6\)/ } },
    },
  },
  {
    name: 'clerk types two digits after the comma on a meter with one',
    input: single('4780,55'),
    expect: { status: 'error', zones: { T1: { codes: ['too_many_frac_digits'], value: null } } },
  },
  {
    name: 'clerk types a letter O instead of a zero',
    input: single('47O0'),
    expect: {
      status: 'error',
      zones: { T1: { codes: ['not_a_number'], message: /^T1: только цифры и запятая/ } },
    },
  },
  {
    name: 'clerk leaves the only field empty',
    input: single(''),
    expect: {
      status: 'error',
      zones: { T1: { codes: ['missing'], message: /^T1: введите показание$/ } },
    },
  },
  // Lower than the previous reading, rollover
  {
    name: 'clerk types the consumption the caller named instead of the reading',
    input: single('200'),
    expect: {
      status: 'error',
      zones: {
        T1: {
          codes: ['lower_than_previous'],
          value: 200,
          consumption: null,
          rollover: false,
          message:
            /^T1: 200 меньше предыдущего показания 4580 от 20\.03\.2026\. Проверьте: похоже, назван расход/,
        },
      },
      total: null,
      supervisorMayAccept: false,
    },
  },
  {
    name: 'clerk mistypes a digit: lower than the previous, never a negative consumption',
    input: single('4570'),
    expect: {
      status: 'error',
      zones: {
        T1: {
          codes: ['lower_than_previous'],
          consumption: null,
          message: /опечатка или замена счетчика не оформлена$/,
        },
      },
    },
  },
  {
    name: 'caller reads 00105 after 99900: the register went past zero once',
    input: single('00105', { history: { T1: series(98900, 200) } }),
    expect: {
      status: 'warning',
      zones: {
        T1: {
          codes: ['rollover'],
          value: 105,
          consumption: 205,
          rollover: true,
          message: /^T1: счетчик перешел через ноль \(99900 → 00105\), расход 205/,
        },
      },
      total: 205,
    },
  },
  {
    name: 'caller reads 05000 after 99900: too much for one turn, rejected',
    input: single('05000', { history: { T1: series(98900, 200) } }),
    expect: {
      status: 'error',
      zones: { T1: { codes: ['lower_than_previous'], consumption: null, rollover: false } },
    },
  },
  {
    name: 'rollover on a meter without history, within the daily ceiling',
    input: single('00020', { history: {}, previous: { T1: { date: '2026-03-20', value: 99950 } } }),
    expect: {
      status: 'warning',
      zones: { T1: { codes: ['rollover'], consumption: 70, expected: null, rollover: true } },
    },
  },
  {
    name: 'a drop on a meter without history, beyond the ceiling: the consumption named',
    input: single('100', { history: {}, previous: { T1: { date: '2026-03-20', value: 50000 } } }),
    expect: {
      status: 'error',
      zones: { T1: { codes: ['lower_than_previous'], message: /похоже, назван расход/ } },
    },
  },
  // Plausibility against the expected consumption
  {
    name: 'consumption at the top of the normal range (348 of 205)',
    input: single('4928'),
    expect: { status: 'ok', zones: { T1: { consumption: 348 } } },
  },
  {
    name: 'consumption just above the warning band (349 of 205)',
    input: single('4929'),
    expect: {
      status: 'warning',
      zones: { T1: { codes: ['above_warning_band'], consumption: 349 } },
    },
  },
  {
    name: 'caller reports twice the usual: the clerk confirms with a reason',
    input: single('4980'),
    expect: {
      status: 'warning',
      zones: {
        T1: {
          codes: ['above_warning_band'],
          consumption: 400,
          message:
            /^T1: расход 400 больше обычного \(около 205\)\. Переспросите показание; если оно верно, укажите причину$/,
        },
      },
      supervisorMayAccept: false,
    },
  },
  {
    name: 'caller reports five times the usual: only a supervisor accepts',
    input: single('5580'),
    expect: {
      status: 'error',
      zones: { T1: { codes: ['above_error_band'], consumption: 1000 } },
      supervisorMayAccept: true,
    },
  },
  {
    name: 'caller reports half the usual',
    input: single('4680'),
    expect: {
      status: 'warning',
      zones: { T1: { codes: ['below_warning_band'], consumption: 100 } },
    },
  },
  {
    name: 'caller reports a twentieth of the usual',
    input: single('4590'),
    expect: {
      status: 'error',
      zones: {
        T1: { codes: ['below_error_band'], consumption: 10, message: /намного меньше обычного/ },
      },
      supervisorMayAccept: true,
    },
  },
  {
    name: 'a small consumer 15 kWh above the usual 10: noise, not a warning',
    input: single('575', { history: { T1: series(500, 10) } }),
    expect: { status: 'ok', zones: { T1: { consumption: 25, expected: 10 } } },
  },
  {
    name: 'a small consumer four times the usual (40 of 10): beyond the noise, a warning',
    input: single('590', { history: { T1: series(500, 10) } }),
    expect: {
      status: 'warning',
      zones: { T1: { codes: ['above_warning_band'], consumption: 40 } },
    },
  },
  {
    name: 'stricter bands in force from a later date (the caller passes them)',
    input: single('4980', {
      settings: { readingErrorBand: { abovePercent: 90, belowPercent: 90 } },
    }),
    expect: { status: 'error', zones: { T1: { codes: ['above_error_band'] } } },
  },
  // Zero consumption
  {
    name: 'caller reads the same as last month on an occupied flat',
    input: single('4580'),
    expect: {
      status: 'warning',
      zones: { T1: { codes: ['zero_consumption'], consumption: 0, message: /проживающие/ } },
    },
  },
  {
    name: 'caller reads a fraction on last month’s integer: not a zero consumption, the fraction is not billed',
    input: single('4580,7'),
    expect: {
      status: 'ok',
      zones: {
        T1: {
          codes: ['fraction_not_billed'],
          consumption: 0,
          message: /дробная часть в расчет не идет/,
        },
      },
    },
  },
  {
    name: 'caller reads a zero fraction on last month’s integer: still a zero consumption',
    input: single('4580,0'),
    expect: { status: 'warning', zones: { T1: { codes: ['zero_consumption'] } } },
  },
  {
    name: 'caller reads the same as last month on an empty flat',
    input: single('4580', { occupied: false }),
    expect: { status: 'ok', zones: { T1: { consumption: 0 } } },
  },
  // History: new meter, too little, just enough
  {
    name: 'first reading of a new meter with no reading at all yet',
    input: single('00012', { history: {}, previous: {} }),
    expect: {
      status: 'ok',
      zones: { T1: { value: 12, consumption: null, expected: null } },
      total: null,
      expectedTotal: null,
    },
  },
  {
    name: 'second reading of a new meter after its initial reading: no average yet',
    input: single('150', { history: { T1: [{ date: '2026-03-20', value: 0 }] } }),
    expect: {
      status: 'ok',
      zones: { T1: { consumption: 150, expected: null } },
      expectedTotal: null,
    },
  },
  {
    name: 'a new meter jumps by 42221 in a month: beyond the ceiling, the fraction typed',
    input: single('46801', { history: { T1: [{ date: '2026-03-20', value: 4580 }] } }),
    expect: {
      status: 'error',
      zones: {
        T1: {
          codes: ['above_no_history_ceiling'],
          consumption: 42221,
          message: /за 31 дн\..*\(4680,1\)/,
        },
      },
      supervisorMayAccept: true,
    },
  },
  {
    name: 'only two months of history: no expected consumption',
    input: single('4780', { history: { T1: series(4180, 200, sixMonths.slice(3)) } }),
    expect: { status: 'ok', zones: { T1: { consumption: 200, expected: null } } },
  },
  {
    name: 'exactly three months of history: the average is used',
    input: single('4780', { history: { T1: series(3980, 200, sixMonths.slice(2)) } }),
    expect: { status: 'ok', zones: { T1: { consumption: 200, expected: 207 } } },
  },
  // Meter verification and status
  {
    name: 'verification expired: the reading is stored, flagged',
    input: single('4780', { meter: { nextVerificationAt: '2026-04-01' } }),
    expect: {
      status: 'warning',
      issues: ['verification_expired'],
      message: /^Срок поверки счетчика истек 01\.04\.2026: показание сохранится с отметкой/,
      zones: { T1: { consumption: 200 } },
    },
  },
  {
    name: 'no verification date on record counts as expired',
    input: single('4780', { meter: { nextVerificationAt: null } }),
    expect: { status: 'warning', issues: ['verification_expired'], message: /не указана/ },
  },
  {
    name: 'verification due in six weeks is not a reading issue',
    input: single('4780', { meter: { nextVerificationAt: '2026-06-01' } }),
    expect: { status: 'ok' },
  },
  {
    name: 'clerk picks the removed meter',
    input: single('4780', { meter: { status: 'removed' } }),
    expect: { status: 'error', issues: ['meter_removed'], supervisorMayAccept: false },
  },
  // Dates and periods
  {
    name: 'reading dated before the last accepted reading',
    input: single('4780', { readingDate: '2026-03-15', entryDate: '2026-04-20' }),
    expect: {
      status: 'error',
      issues: ['reading_date_before_previous'],
      message: /15\.03\.2026 раньше предыдущего показания \(20\.03\.2026\)/,
      zones: { T1: { value: 4780, consumption: null, expected: null } },
    },
  },
  {
    name: 'reading dated the day after tomorrow',
    input: single('4780', { readingDate: '2026-04-22', entryDate: '2026-04-20' }),
    expect: {
      status: 'error',
      issues: ['reading_date_in_future'],
      // The six-month window moves with the reading date: 20.10 drops out, 800 over 120 days.
      zones: { T1: { consumption: 200, expected: 220 } },
    },
  },
  {
    name: 'entered on the cutoff day: this period',
    input: single('4780', { readingDate: '2026-04-25' }),
    expect: { status: 'ok', period: '2026-04', afterCutoff: false },
  },
  {
    name: 'entered the day after the cutoff: the next period',
    input: single('4780', { readingDate: '2026-04-20', entryDate: '2026-04-26' }),
    expect: { status: 'ok', period: '2026-05', afterCutoff: true },
  },
  {
    name: 'entered after the cutoff in December: January of the next year',
    input: single('6454', { readingDate: '2026-12-28' }),
    expect: { status: 'ok', period: '2027-01', afterCutoff: true },
  },
  {
    name: 'the cutoff day in force is the 20th: the 21st is the next period',
    input: single('4780', { entryDate: '2026-04-21', settings: { readingCutoffDay: 20 } }),
    expect: { status: 'ok', period: '2026-05', afterCutoff: true },
  },
  {
    name: 'cutoff day 31 in a 30-day month: the last day is still this period',
    input: single('4780', { entryDate: '2026-04-30', settings: { readingCutoffDay: 31 } }),
    expect: { status: 'ok', period: '2026-04', afterCutoff: false },
  },
  // Transformation ratio
  {
    name: 'a meter behind current transformers (x40): 5 on the register is 200 kWh',
    input: behindTransformers('130'),
    expect: {
      status: 'ok',
      zones: { T1: { value: 130, consumption: 200, expected: 200 } },
      total: 200,
    },
  },
  {
    name: 'a meter behind transformers (x40) moves 15: 600 kWh, three times the usual',
    input: behindTransformers('140'),
    expect: {
      status: 'warning',
      zones: { T1: { codes: ['above_warning_band'], consumption: 600 } },
    },
  },
  // Multi-zone meters
  {
    name: 'two-rate meter: both zones as usual, the total adds them',
    input: story({ meter: twoRate, history: dayNight, typed: { T1: '3840', T2: '1360' } }),
    expect: {
      status: 'ok',
      zones: {
        T1: { consumption: 140, expected: 144 },
        T2: { consumption: 60, expected: 62 },
      },
      total: 200,
      expectedTotal: 206,
    },
  },
  {
    name: 'two-rate meter: the clerk gives the day zone only',
    input: story({ meter: twoRate, history: dayNight, typed: { T1: '3840' } }),
    expect: {
      status: 'error',
      zones: {
        T1: { consumption: 140 },
        T2: {
          codes: ['missing'],
          message: /^T2 \(ночь\): нет показания\. Показания всех зон передаются вместе$/,
        },
      },
      total: null,
    },
  },
  {
    name: 'two-rate meter: each zone judged on its own (night typed with the fraction)',
    input: story({ meter: twoRate, history: dayNight, typed: { T1: '3840', T2: '013605' } }),
    expect: {
      status: 'error',
      zones: {
        T1: { consumption: 140 },
        T2: { codes: ['too_many_int_digits'], message: /^T2 \(ночь\): .*\(01360,5\)$/ },
      },
    },
  },
  {
    name: 'two-rate meter: day and night consumption flipped (T1/T2 read in the wrong order)',
    input: story({
      meter: twoRate,
      history: { T1: series(1000, 140), T2: series(1100, 60) },
      typed: { T1: '1760', T2: '1540' },
    }),
    expect: {
      status: 'warning',
      zones: {
        T1: { codes: ['below_warning_band'], consumption: 60 },
        T2: { codes: ['above_warning_band'], consumption: 140 },
      },
      issues: ['zone_ratio_changed'],
      message:
        /^Соотношение зон изменилось: T1 \(день\) 30% \(было 70%\), T2 \(ночь\) 70% \(было 30%\)\. Проверьте, не перепутаны ли зоны$/,
    },
  },
  {
    name: 'two-rate meter with one month of history: only the zone ratio shows the swap',
    input: story({
      meter: twoRate,
      history: {
        T1: series(1560, 140, sixMonths.slice(4)),
        T2: series(1340, 60, sixMonths.slice(4)),
      },
      typed: { T1: '1760', T2: '1540' },
    }),
    expect: {
      status: 'warning',
      zones: { T1: { expected: null }, T2: { expected: null } },
      issues: ['zone_ratio_changed'],
    },
  },
  {
    name: 'two-rate meter: the day reading typed in the night field and back',
    input: story({ meter: twoRate, history: dayNight, typed: { T1: '1360', T2: '3840' } }),
    expect: {
      status: 'error',
      zones: {
        T1: { codes: ['lower_than_previous'], consumption: null },
        T2: { codes: ['above_error_band'], consumption: 2540 },
      },
      issues: ['zones_swapped'],
      message: /^Похоже, показания T1 \(день\) и T2 \(ночь\) перепутаны местами/,
      supervisorMayAccept: false,
    },
  },
  {
    name: 'three-rate meter: peak, night and semi-peak as usual',
    input: story({
      meter: { zones: 3 },
      history: { T1: series(2000, 60), T2: series(1000, 80), T3: series(3000, 60) },
      typed: { T1: '2360', T2: '1480', T3: '3360' },
    }),
    expect: { status: 'ok', total: 200, expectedTotal: 206 },
  },
  {
    name: 'three-rate meter: the semi-peak zone left out',
    input: story({
      meter: { zones: 3 },
      history: { T1: series(2000, 60), T2: series(1000, 80), T3: series(3000, 60) },
      typed: { T1: '2360', T2: '1480' },
    }),
    expect: {
      status: 'error',
      zones: { T3: { codes: ['missing'], message: /^T3 \(полупик\): нет показания/ } },
    },
  },
]

describe('validating a reading submission (DOMAIN "Readings")', () => {
  it('has a case for every rule the billing department listed', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length)
  })

  it.each(cases)('$name', ({ input, expect: want }) => {
    const result = validateReadingSubmission(input)

    expect(result.status).toBe(want.status)
    expect(result.issues.map((i) => i.code)).toEqual(want.issues ?? [])
    if (want.message) expect(result.issues[0]?.message).toMatch(want.message)
    if (want.period !== undefined) expect(result.period).toBe(want.period)
    if (want.afterCutoff !== undefined) expect(result.afterCutoff).toBe(want.afterCutoff)
    if (want.total !== undefined) expect(result.totalConsumption).toBe(want.total)
    if (want.expectedTotal !== undefined) expect(result.expectedTotal).toBe(want.expectedTotal)
    if (want.supervisorMayAccept !== undefined)
      expect(result.supervisorMayAccept).toBe(want.supervisorMayAccept)

    expect(result.zones.map((z) => z.zone)).toEqual(
      (['T1', 'T2', 'T3'] as const).slice(0, input.meter.zones),
    )
    for (const zone of result.zones) {
      const w = want.zones?.[zone.zone] ?? {}
      expect(
        zone.issues.map((i) => i.code),
        zone.zone,
      ).toEqual(w.codes ?? [])
      if (w.value !== undefined) expect(zone.value).toBe(w.value)
      if (w.consumption !== undefined) expect(zone.consumption).toBe(w.consumption)
      if (w.expected !== undefined) expect(zone.expected).toBe(w.expected)
      expect(zone.rollover).toBe(w.rollover ?? false)
      if (w.message) expect(zone.issues[0]?.message).toMatch(w.message)
      // Every zone message names its zone, so a read-back never confuses day and night.
      for (const i of zone.issues) expect(i.message.startsWith(`${zone.label}: `)).toBe(true)
    }
  })

  it('keeps what the clerk typed and the previous reading for the confirm panel', () => {
    const result = validateReadingSubmission(single(' 04780,7'))
    expect(result.zones[0]).toMatchObject({
      raw: ' 04780,7',
      value: 4780,
      previousValue: 4580,
      previousDate: '2026-03-20',
      status: 'ok',
    })
  })

  it('reads its settings through the lookup the caller has, defaults valid', () => {
    const rules = readingRulesFrom((key) => settingDefinitions[key].default as never)
    expect(rules).toEqual(defaultReadingRules())
    for (const key of readingSettingKeys) {
      expect(settingDefinitions[key].schema.safeParse(rules[key]).success, key).toBe(true)
    }
  })

  it('refuses a meter record that cannot be checked', () => {
    expect(() =>
      validateReadingSubmission(single('1', { meter: { transformationRatio: 0 } })),
    ).toThrow(/transformationRatio/)
    expect(() => validateReadingSubmission(single('1', { meter: { intDigits: 0 } }))).toThrow(
      /intDigits/,
    )
  })
})
