import { describe, expect, it } from 'vitest'
import { summaryBy, summaryChart } from '../../src-shared/reports/totals'

describe("a summary drawn as the report's chart", () => {
  const rows = [
    ['Иванова', 100],
    ['Петров', 500],
    ['Иванова', 250],
  ]
  const byCashier = summaryBy('По кассирам', rows, 0, 1)

  it.each([
    { unit: 'money' as const, values: [500, 350] },
    { unit: 'count' as const, values: [1, 2] },
  ])('in $unit, one bar a line in the summary order', ({ unit, values }) => {
    expect(summaryChart('Сумма по кассирам', byCashier, unit)).toEqual({
      title: 'Сумма по кассирам',
      labels: ['Петров', 'Иванова'],
      values,
      unit,
    })
  })
})
