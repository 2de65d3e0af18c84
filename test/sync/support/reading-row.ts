/**
 * The columns of a reading row (10 250 on the register, 250 used, taken 1 February 2026 at the
 * office), as a workstation sent the rows whole in a command's arguments.
 */
export const readingRowColumns = {
  rawValue: '10250',
  value: 10_250,
  consumption: 250,
  readingDate: '2026-02-01',
  period: '2026-02',
  source: 'office',
  status: 'accepted',
}
