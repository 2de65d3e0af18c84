import { describe, expect, it } from 'vitest'
import { nextVerificationDate, verificationStatus } from '../../src-shared/meters/verification'

describe('meter verification status', () => {
  const today = '2026-11-20'
  it.each([
    ['2030-01-01', 'valid'],
    ['2027-02-21', 'valid'],
    ['2027-02-20', 'due'],
    ['2026-12-01', 'due'],
    ['2026-11-21', 'due'],
    ['2026-11-20', 'expired'],
    ['2020-05-01', 'expired'],
    [null, 'expired'],
  ] as const)(`next verification %s, today ${today}: %s`, (next, expected) => {
    expect(verificationStatus(next, today)).toBe(expected)
  })

  it.each([
    ['2010-03-15', 16, '2026-03-15'],
    ['2020-02-29', 6, '2026-02-28'],
    ['2024-01-31', 1, '2025-01-31'],
  ])('verified %s with an interval of %i years: next %s', (verified, years, expected) => {
    expect(nextVerificationDate(verified, years)).toBe(expected)
  })
})
