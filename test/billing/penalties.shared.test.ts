import { describe, expect, it } from 'vitest'
import {
  dueDateOf,
  penaltyAccrued,
  penaltyRateOn,
  type PenaltyPayment,
  type PeriodDebt,
} from '../../src-shared/billing/penalties'
import { debt, law } from './support/law'

describe('the due date is a dated setting by the bill', () => {
  it.each([
    ['2025-01', '2025-02-10'],
    ['2026-01', '2026-02-10'],
    // The February 2026 bill is the last one due the 10th...
    ['2026-02', '2026-03-10'],
    // ...the March 2026 bill the first one due the 15th (177-FZ).
    ['2026-03', '2026-04-15'],
    ['2026-12', '2027-01-15'],
  ])('%s is due %s', (period, due) => {
    expect(dueDateOf(period, law.dueDays)).toBe(due)
  })

  it('refuses to guess a due date no row gives', () => {
    expect(() => dueDateOf('2010-01', law.dueDays)).toThrow(/billDueDay/)
  })
})

describe('the rate used is the key rate, capped at 9.5% from 2022-02-28 through 2026', () => {
  it.each([
    // before the cap: the key rate itself
    ['2021-01-10', 425],
    ['2022-02-27', 950],
    // key rate 20% from 2022-02-28: capped
    ['2022-02-28', 950],
    // key rate 8% from 2022-07-25: the lesser is the key rate
    ['2022-07-25', 800],
    ['2024-10-28', 950],
    ['2026-12-31', 950],
    // the cap ends: the key rate in force (15.5% from 2026-02-16)
    ['2027-01-01', 1550],
  ])('on %s: %d basis points', (date, bp) => {
    expect(penaltyRateOn(law.penalty, date)).toBe(bp)
  })
})

// Every case: a debt of 10 000.00 rub (1 000 000 kopecks) unless said; rate in basis points.
describe('penalties (Housing Code 155.14), computed by hand', () => {
  type Case = [string, PeriodDebt[], PenaltyPayment[], string, number]
  /** One period's debt, paid in full in one payment on `paidOn`. */
  const paidInFull = (name: string, period: string, paidOn: string, on: string, penalty: number) =>
    [name, [debt(period)], [{ date: paidOn, amount: 1_000_000 }], on, penalty] satisfies Case
  const cases: Case[] = [
    // 2025-01 is due 2025-02-10; day 1 is 02-11, day 30 is 03-12: nothing yet.
    paidInFull('paid on day 30', '2025-01', '2025-03-12', '2025-03-31', 0),
    // Day 31 (03-13): 1 day x 1/300 x 9.5% (key 21% capped) = 316.67 -> 317.
    paidInFull('paid on day 31', '2025-01', '2025-03-13', '2025-03-31', 317),
    // Day 90 (05-11): days 31..90 = 60 x 1/300 x 9.5% x 1 000 000 = 19 000.
    paidInFull('paid on day 90', '2025-01', '2025-05-11', '2025-05-31', 19_000),
    // Day 91 (05-12): 19 000 + 1 x 1/130 x 9.5% x 1 000 000 = 19 730.77 -> 19 731.
    paidInFull('paid on day 91', '2025-01', '2025-05-12', '2025-05-31', 19_731),
    // 2022-04 is due 2022-05-10; paid 2022-08-08 = day 90: 60 days. The key rate changed inside
    // the debt (9.5% to 8% on 07-25); the rate of the payment day applies to every day:
    // 60/300 x 8% x 1 000 000 = 16 000.
    paidInFull('a rate change inside the debt', '2022-04', '2022-08-08', '2022-08-31', 16_000),
    // Paid 2022-07-22 = day 73 (43 days from day 31), rate then 9.5%: 13 616.67 -> 13 617.
    paidInFull(
      'the same debt paid before the change',
      '2022-04',
      '2022-07-22',
      '2022-07-31',
      13_617,
    ),
    // The cap: 2024-10 due 2024-11-10, open on 2025-02-28 = day 110: 60 days at 1/300 and
    // 20 at 1/130, key rate 21% capped to 9.5%: 19 000 + 14 615.38 = 33 615.38 -> 33 615.
    ['the 9.5% cap on open debt', [debt('2024-10')], [], '2025-02-28', 33_615],
    // After the cap: 2026-10 due 2026-11-15, open on 2027-01-15 = day 61: 31 days at 1/300 of
    // the key rate 15.5%: 16 016.67 -> 16 017.
    ['the key rate once the cap ends', [debt('2026-10')], [], '2027-01-15', 16_017],
    // The moratorium: 2020-02 due 2020-03-10, paid 2021-01-10 = day 306. Days 31..90 and 91..
    // up to 2020-12-31 fall in the moratorium; 2021-01-01..01-10 = 10 days at 1/130 of 4.25%:
    // 3 269.23 -> 3 269.
    paidInFull('the moratorium', '2020-02', '2021-01-10', '2021-01-31', 3_269),
    // 2020-01 due 2020-02-10 (2020 is a leap year): day 31 is 03-12; days up to 04-05 accrue
    // (25), then the moratorium; paid 04-30 at the key rate 5.5%: 25/300 x 5.5% = 4 583.33.
    paidInFull('a debt running into the moratorium', '2020-01', '2020-04-30', '2020-04-30', 4_583),
    // A partial payment: 400 000 paid 2025-04-01 (day 50: 20 days), 600 000 open on 04-30
    // (day 79: 49 days), 9.5%: 2 533.33 + 9 310 = 11 843.33 -> 11 843 (rounded once).
    [
      'a partial payment',
      [debt('2025-01')],
      [{ date: '2025-04-01', amount: 400_000 }],
      '2025-04-30',
      11_843,
    ],
    // Oldest first: 1 000 000 on 2025-04-01 settles 2025-01 (20 days: 6 333.33); 2025-02 (due
    // 03-10) is open on 04-30 = day 51: 21 days = 6 650. 12 983.33 -> 12 983.
    [
      'a payment settles the oldest debt',
      [debt('2025-02'), debt('2025-01')],
      [{ date: '2025-04-01', amount: 1_000_000 }],
      '2025-04-30',
      12_983,
    ],
    // 10th to 15th: 2026-02 is due 03-10, open on 04-10 = day 31: 316.67 -> 317...
    ['the February 2026 bill, due the 10th', [debt('2026-02')], [], '2026-04-10', 317],
    // ...2026-03 is due 04-15: on 05-15 it is day 30, nothing.
    ['the March 2026 bill, due the 15th', [debt('2026-03')], [], '2026-05-15', 0],
    // A payment after the calculation date is not known yet: the debt counts as open (day 31).
    paidInFull('a payment after the calculation date', '2025-01', '2025-04-01', '2025-03-13', 317),
    // A negative recalculation of a later period works as a credit on its due date (2025-03-10,
    // day 28 of 2025-01's debt): half of it settled in time, 500 000 open on 03-13 (day 31):
    // 158.33 -> 158.
    [
      'money back from a recalculation',
      [debt('2025-01'), debt('2025-02', -500_000)],
      [],
      '2025-03-13',
      158,
    ],
  ]
  it.each(cases)('%s', (_name, debts, payments, calcDate, expected) => {
    expect(penaltyAccrued(debts, payments, calcDate, law.penalty)).toBe(expected)
  })

  it('refuses to compute without a key rate in force', () => {
    expect(() => penaltyAccrued([debt('2019-01')], [], '2019-06-30', law.penalty)).toThrow(
      /penaltyKeyRate/,
    )
  })
})
