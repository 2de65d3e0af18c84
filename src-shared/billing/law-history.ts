/**
 * The dated law billing applies, as the settings rows a company's administrator keeps: a fresh
 * central server is seeded with them (src-server/settings/law-seed.ts), the demo and the tests
 * load them too; later changes are new dated rows (`set-setting`, the admin's settings screen),
 * never code.
 *
 * Key rate: the Bank of Russia's decisions, effective dates, in basis points (1/100 %); 2020-2021
 * for the moratorium years, every change from 2022 on (checked against the Bank of Russia's
 * announcements; the 2026-02-16 cut to 15.5% is the latest one confirmed here).
 */
export const keyRateHistory: readonly [string, number][] = [
  ['2020-02-10', 600],
  ['2020-04-27', 550],
  ['2020-06-22', 450],
  ['2020-07-27', 425],
  ['2021-03-22', 450],
  ['2021-04-26', 500],
  ['2021-06-15', 550],
  ['2021-07-26', 650],
  ['2021-09-13', 675],
  ['2021-10-25', 750],
  ['2021-12-20', 850],
  ['2022-02-14', 950],
  ['2022-02-28', 2000],
  ['2022-04-11', 1700],
  ['2022-05-04', 1400],
  ['2022-05-27', 1100],
  ['2022-06-14', 950],
  ['2022-07-25', 800],
  ['2022-09-19', 750],
  ['2023-07-24', 850],
  ['2023-08-15', 1200],
  ['2023-09-18', 1300],
  ['2023-10-30', 1500],
  ['2023-12-18', 1600],
  ['2024-07-29', 1800],
  ['2024-09-16', 1900],
  ['2024-10-28', 2100],
  ['2025-06-09', 2000],
  ['2025-07-28', 1800],
  ['2025-09-15', 1700],
  ['2025-10-27', 1650],
  ['2025-12-22', 1600],
  ['2026-02-16', 1550],
]

/** Settings rows (key, valid from, JSON value) of the penalty and bill law. */
export function lawSettingRows(): { key: string; validFrom: string; value: string }[] {
  const row = (key: string, validFrom: string, value: unknown) => ({
    key,
    validFrom,
    value: JSON.stringify(value),
  })
  return [
    ...keyRateHistory.map(([from, bp]) => row('penaltyKeyRate', from, bp)),
    // Decrees 474 of 26.03.2022 and 329 of 18.03.2025: the lesser of 9.5% and the key rate.
    row('penaltyRateCap', '2022-02-28', 950),
    row('penaltyRateCap', '2027-01-01', null),
    // Decree 424 of 02.04.2020: no penalties from 2020-04-06 to 1 January 2021.
    row('penaltyMoratorium', '2020-04-06', true),
    row('penaltyMoratorium', '2021-01-01', false),
    // Housing Code 155.14 as amended by 307-FZ, from 2016-01-01.
    row('penaltySchedule', '2016-01-01', {
      graceDays: 30,
      reducedDivisor: 300,
      fullFromDay: 91,
      fullDivisor: 130,
    }),
    // Housing Code 155.1: the 10th of the next month; the 15th from the March 2026 bills (177-FZ).
    row('billDueDay', '2016-01-01', 10),
    row('billDueDay', '2026-03-01', 15),
    // PP 354 p.59-60: the average of 6 months (at least 3) for at most 3 periods.
    row('billingEstimate', '2017-01-01', { windowMonths: 6, minMonths: 3, maxPeriods: 3 }),
    row('billingNorms', '2020-01-01', startingNorms),
  ]
}

/**
 * Consumption norms to start from (a customer without a meter). Norms are the region's own
 * decree: an administrator checks these against it and enters the region's as a new dated row.
 * kWh per person by the number of residents (1..5+; more people share the fridge), hot water
 * 2.95 m3 per person, heating 0.0213 Gcal per m2 in October..April, common areas 0.35 kWh per m2.
 */
export const startingNorms = {
  electricityPerPerson: [141, 87, 68, 55, 48],
  hotWaterPerPerson: { value: 295, decimals: 2 },
  heatingPerM2: { value: 213, decimals: 4 },
  heatingMonths: [1, 2, 3, 4, 10, 11, 12],
  commonNeedsPerM2: { value: 35, decimals: 2 },
}
