import { describe, expect, it } from 'vitest'
import {
  billService,
  type AccountToBill,
  type BillingMeter,
  type BillingReading,
  type PastLine,
  type ServiceToBill,
} from '../../src-shared/billing/bill-service'
import { billingLawOf } from '../../src-shared/billing/law-rows'
import type { Norms } from '../../src-shared/billing/law'
import type { TariffRate } from '../../src-shared/billing/tariff-split'
import { inForce } from '../../src-shared/billing/dated'
import { lawSettingRows, startingNorms } from '../../src-shared/billing/law-history'
import type { Zone } from '../../src-shared/readings/domain'

const rule = inForce(billingLawOf(lawSettingRows()).estimate, '2026-06-01')!
const norms: Norms = startingNorms

// Rates from 2025-07-01: T1 5.43, T2 2.98, T3 4.65 rub/kWh.
const flat = (rate: number): TariffRate[] => [
  { validFrom: '2025-07-01', validTo: null, rateMillikopecks: rate },
]
const tariffs: Partial<Record<Zone, TariffRate[]>> = {
  T1: flat(543_000),
  T2: flat(298_000),
  T3: flat(465_000),
}

let ids = 0
const reading = (
  zone: Zone,
  value: number,
  readingDate: string,
  status: 'accepted' | 'billed' = 'accepted',
  period = readingDate.slice(0, 7),
): BillingReading => ({
  id: `r${++ids}`,
  zone,
  value,
  readingDate,
  enteredAt: `${readingDate}T10:00:00.000Z`,
  period,
  status,
})

const meter = (readings: BillingReading[], over: Partial<BillingMeter> = {}): BillingMeter => ({
  id: `m${++ids}`,
  intDigits: 5,
  transformationRatio: 1,
  installedAt: '2020-01-01',
  removedAt: null,
  nextVerificationAt: '2030-01-01',
  readings,
  ...over,
})

const account = (over: Partial<AccountToBill> = {}): AccountToBill => ({
  period: '2026-06',
  residents: 2,
  areaTenths: 540,
  openedOn: null,
  closedOn: null,
  ...over,
})

const service = (
  meters: BillingMeter[],
  past: PastLine[] = [],
  over: Partial<ServiceToBill> = {},
) => ({
  service: 'electricity' as const,
  supplierId: 'sup',
  meters,
  past,
  tariffs,
  ...over,
})

/** Metered history: `volume` kWh of T1 in each of the months before 2026-06 listed. */
const meteredPast = (periods: string[], volume = 100): PastLine[] =>
  periods.map((period) => ({
    period,
    zone: 'T1',
    kind: 'charge',
    basis: 'meter',
    volume,
    decimals: 0,
    recalculatedPeriod: null,
  }))
/** Each zone's reading billed on `billedOn` and this month's (06-23): { T1: [billed, now] }. */
const billedThenRead = (
  zones: Partial<Record<Zone, [number, number]>>,
  billedOn = '2026-05-24',
): BillingReading[] => {
  const read = Object.entries(zones) as [Zone, [number, number]][]
  return [
    ...read.map(([zone, [billed]]) => reading(zone, billed, billedOn, 'billed')),
    ...read.map(([zone, [, now]]) => reading(zone, now, '2026-06-23')),
  ]
}
const averagePast = (periods: string[], volume = 100): PastLine[] =>
  periods.map((period) => ({ ...meteredPast([period], volume)[0]!, basis: 'average' }))

const sixMonths = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05']

type Case = [string, AccountToBill, ServiceToBill, [string, string, string, number, number][]]
// Each line: [zone, kind/basis, volume, rate, amount in kopecks].
const cases: Case[] = [
  [
    // 1150 - 1000 = 150 kWh x 5.43 = 814.50 rub.
    'one zone',
    account(),
    service([meter(billedThenRead({ T1: [1000, 1150] }))]),
    [['T1', 'charge/meter', '150', 543_000, 81_450]],
  ],
  [
    // T1 120 x 5.43 = 651.60; T2 80 x 2.98 = 238.40.
    'two zones',
    account(),
    service([meter(billedThenRead({ T1: [5000, 5120], T2: [3000, 3080] }))]),
    [
      ['T1', 'charge/meter', '120', 543_000, 65_160],
      ['T2', 'charge/meter', '80', 298_000, 23_840],
    ],
  ],
  [
    // T1 50 x 5.43 = 271.50; T2 70 x 2.98 = 208.60; T3 33 x 4.65 = 153.45.
    'three zones',
    account(),
    service([meter(billedThenRead({ T1: [100, 150], T2: [200, 270], T3: [300, 333] }))]),
    [
      ['T1', 'charge/meter', '50', 543_000, 27_150],
      ['T2', 'charge/meter', '70', 298_000, 20_860],
      ['T3', 'charge/meter', '33', 465_000, 15_345],
    ],
  ],
  [
    // A current-transformer meter: 12 register units x 40 = 480 kWh x 5.43 = 2 606.40.
    'a transformation ratio',
    account(),
    service([
      meter(billedThenRead({ T1: [880, 892] }), {
        transformationRatio: 40,
      }),
    ]),
    [['T1', 'charge/meter', '480', 543_000, 260_640]],
  ],
  [
    // A rollover past 99999: (100000 - 99950) + 30 = 80 kWh = 434.40.
    'a register rolling over',
    account(),
    service([meter(billedThenRead({ T1: [99_950, 30] }))]),
    [['T1', 'charge/meter', '80', 543_000, 43_440]],
  ],
  [
    // No reading; six metered months 100..150 average 125 kWh = 678.75.
    'no reading: the average of six months',
    account(),
    service(
      [meter([reading('T1', 1000, '2026-05-24', 'billed')])],
      sixMonths.map((p, i) => meteredPast([p], 100 + i * 10)[0]!),
    ),
    [['T1', 'charge/average', '125', 543_000, 67_875]],
  ],
  [
    // Two estimated periods before: the third in a row is still the average (of the four
    // metered months 2025-12..2026-03, 100 kWh) = 543.00.
    'the third estimated period in a row',
    account(),
    service(
      [meter([reading('T1', 1000, '2026-03-24', 'billed')])],
      [...meteredPast(sixMonths.slice(0, 4)), ...averagePast(['2026-04', '2026-05'])],
    ),
    [['T1', 'charge/average', '100', 543_000, 54_300]],
  ],
  [
    // Three estimated in a row: now the norm, 2 residents x 87 kWh = 174 x 5.43 = 944.82.
    'the fourth period without a reading: the norm',
    account(),
    service(
      [meter([reading('T1', 1000, '2026-02-24', 'billed')])],
      [...meteredPast(sixMonths.slice(0, 3)), ...averagePast(['2026-03', '2026-04', '2026-05'])],
    ),
    [['T1', 'charge/norm', '174', 543_000, 94_482]],
  ],
  [
    // Only two metered months: too few for an average (at least 3): the norm.
    'too little history for an average',
    account(),
    service(
      [meter([reading('T1', 1000, '2026-05-24', 'billed')])],
      meteredPast(['2026-04', '2026-05']),
    ),
    [['T1', 'charge/norm', '174', 543_000, 94_482]],
  ],
  [
    // Estimated 100 in 2026-04 and 2026-05; the reading of June shows 390 since the March one:
    // 130 a month. Each estimate is recalculated +30 kWh (162.90 each), June 130 = 705.90.
    'a late reading recalculates two estimated months',
    account(),
    service(
      [meter(billedThenRead({ T1: [1000, 1390] }, '2026-03-24'))],
      [...meteredPast(sixMonths.slice(0, 4)), ...averagePast(['2026-04', '2026-05'])],
    ),
    [
      ['T1', 'recalculation/meter@2026-04', '30', 543_000, 16_290],
      ['T1', 'recalculation/meter@2026-05', '30', 543_000, 16_290],
      ['T1', 'charge/meter', '130', 543_000, 70_590],
    ],
  ],
  [
    // The rate changes on the 11th (5.43 -> 6.04): 300 kWh split by days, 10 of 30 at the old
    // rate: 100.000 x 5.43 = 543.00, 200.000 x 6.04 = 1 208.00.
    'a tariff change on the 11th',
    account(),
    service([meter(billedThenRead({ T1: [1000, 1300] }))], [], {
      tariffs: {
        T1: [
          { validFrom: '2025-07-01', validTo: '2026-06-10', rateMillikopecks: 543_000 },
          { validFrom: '2026-06-11', validTo: null, rateMillikopecks: 604_000 },
        ],
      },
    }),
    [
      ['T1', 'charge/meter', '100.000', 543_000, 54_300],
      ['T1', 'charge/meter', '200.000', 604_000, 120_800],
    ],
  ],
  [
    // No meter: 3 residents x 68 kWh = 204 x 5.43 = 1 107.72.
    'no meter: the norm x residents',
    account({ residents: 3 }),
    service([]),
    [['T1', 'charge/norm', '204', 543_000, 110_772]],
  ],
  [
    // Heating by area in a heating month: 54.0 m2 x 0.0213 Gcal = 1.15020 Gcal x 2 712.34
    // rub = 3 119.73 rub (311 973.35 kopecks -> 311 973).
    'heating by the area',
    account({ period: '2026-01' }),
    service([], [], {
      service: 'heating',
      tariffs: { T1: flat(271_234_000) },
    }),
    [['T1', 'charge/norm', '1.15020', 271_234_000, 311_973]],
  ],
  [
    // The meter's verification ran out 2026-04-30: May and June are within three periods of
    // it, billed by the average (100 kWh) whatever the meter says.
    'expired verification, within three periods: the average',
    account(),
    service(
      [
        meter(billedThenRead({ T1: [1000, 1500] }, '2026-03-24'), {
          nextVerificationAt: '2026-04-30',
        }),
      ],
      [...meteredPast(sixMonths.slice(0, 4)), ...averagePast(['2026-05'])],
    ),
    [['T1', 'charge/average', '100', 543_000, 54_300]],
  ],
  [
    // Expired 2026-02-28: June is the fourth period since: billed as no meter, the norm.
    'expired verification after three periods: the norm',
    account(),
    service(
      [
        meter(billedThenRead({ T1: [1000, 1500] }, '2026-01-24'), {
          nextVerificationAt: '2026-02-28',
        }),
      ],
      [...meteredPast(sixMonths.slice(0, 2)), ...averagePast(['2026-03', '2026-04', '2026-05'])],
    ),
    [['T1', 'charge/norm', '174', 543_000, 94_482]],
  ],
  [
    // Replaced on 06-15: the old meter 2000 -> 2070 (final), the new 0 (initial) -> 45:
    // 70 + 45 = 115 kWh = 624.45, never 45 - 2000.
    'a meter replaced mid-period',
    account(),
    service([
      meter([reading('T1', 2000, '2026-05-24', 'billed'), reading('T1', 2070, '2026-06-15')], {
        removedAt: '2026-06-15',
      }),
      meter([reading('T1', 0, '2026-06-15'), reading('T1', 45, '2026-06-23')], {
        installedAt: '2026-06-15',
      }),
    ]),
    [['T1', 'charge/meter', '115', 543_000, 62_445]],
  ],
  [
    // Opened 06-21 without a meter: 10 of 30 days of 174 kWh = 58.000 = 314.94.
    'an account opened mid-period',
    account({ openedOn: '2026-06-21' }),
    service([]),
    [['T1', 'charge/norm', '58.000', 543_000, 31_494]],
  ],
  [
    // Closed 06-10: 10 of 30 days by the norm as well: 58.000 kWh.
    'an account closed mid-period',
    account({ closedOn: '2026-06-10' }),
    service([]),
    [['T1', 'charge/norm', '58.000', 543_000, 31_494]],
  ],
  [
    // A May reading pushed after May was closed (still accepted, period 2026-05) and June's:
    // June bills from the last billed one (April) to the newest: 1000 -> 1250 = 250 kWh, and
    // both become billed.
    'a reading that arrived offline after the close',
    account(),
    service(
      [
        meter([
          reading('T1', 1000, '2026-04-24', 'billed'),
          reading('T1', 1120, '2026-05-24', 'accepted', '2026-05'),
          reading('T1', 1250, '2026-06-23'),
        ]),
      ],
      meteredPast(['2026-05'], 120),
    ),
    [['T1', 'charge/meter', '250', 543_000, 135_750]],
  ],
]

describe('billing one service of an account for a period', () => {
  it.each(cases)('%s', (_name, a, s, expected) => {
    const { lines } = billService(a, s, rule, norms)
    expect(
      lines.map((l) => [
        l.zone,
        `${l.kind}/${l.basis}${l.recalculatedPeriod ? `@${l.recalculatedPeriod}` : ''}`,
        l.volume,
        l.rateMillikopecks,
        l.amount,
      ]),
    ).toEqual(expected)
  })

  it('marks the readings it used billed, and only those', () => {
    const late = reading('T1', 1120, '2026-05-24', 'accepted', '2026-05')
    const june = reading('T1', 1250, '2026-06-23')
    const next = reading('T1', 1300, '2026-07-23')
    const m = meter([reading('T1', 1000, '2026-04-24', 'billed'), late, june, next])
    expect(billService(account(), service([m]), rule, norms).billedReadingIds.sort()).toEqual(
      [late.id, june.id].sort(),
    )
  })

  it('bills the new meter from its initial reading', () => {
    const initial = reading('T1', 10, '2026-05-20')
    const m = meter([initial, reading('T1', 60, '2026-06-23')], { installedAt: '2026-05-20' })
    const bill = billService(account(), service([m]), rule, norms)
    expect(bill.lines.map((l) => l.volume)).toEqual(['50'])
    expect(bill.billedReadingIds).toContain(initial.id)
  })
})
