import { describe, expect, it } from 'vitest'
import { dayBefore, periodOf } from '../../src-shared/dates'

describe('calendar dates', () => {
  it.each([
    ['2026-03-15', '2026-03-14'],
    ['2026-03-01', '2026-02-28'],
    ['2024-03-01', '2024-02-29'],
    ['2026-01-01', '2025-12-31'],
  ])('the day before %s is %s', (date, before) => {
    expect(dayBefore(date)).toBe(before)
  })

  it('takes the period of a date', () => {
    expect(periodOf('2026-03-15')).toBe('2026-03')
  })
})
