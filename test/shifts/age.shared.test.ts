import { describe, expect, it } from 'vitest'
import { shiftAgeCheck, shiftAgeMessages, shiftDeadline } from '../../src-shared/shifts/age'

describe('a cash shift lasts at most 24 hours', () => {
  const openedAt = '2026-11-20T05:00:00.000Z'
  it.each([
    ['2026-11-20T05:00:00.000Z', 'ok'],
    // A clock a little behind the opening moment is no reason to refuse payments.
    ['2026-11-20T04:59:00.000Z', 'ok'],
    ['2026-11-20T17:00:00.000Z', 'ok'],
    ['2026-11-21T03:59:59.999Z', 'ok'],
    ['2026-11-21T04:00:00.000Z', 'warn'],
    ['2026-11-21T04:59:59.999Z', 'warn'],
    ['2026-11-21T05:00:00.000Z', 'expired'],
    ['2026-11-23T12:00:00.000Z', 'expired'],
  ])('at %s: %s', (now, expected) => {
    expect(shiftAgeCheck(openedAt, new Date(now))).toBe(expected)
    expect(shiftAgeCheck(new Date(openedAt), new Date(now))).toBe(expected)
  })

  it('ends 24 hours after opening, across a daylight-saving change too (instants, not clocks)', () => {
    expect(shiftDeadline(openedAt).toISOString()).toBe('2026-11-21T05:00:00.000Z')
    expect(shiftDeadline('2026-03-29T00:30:00+01:00').toISOString()).toBe(
      '2026-03-29T23:30:00.000Z',
    )
  })

  it('has Russian warnings for the cashier', () => {
    expect(shiftAgeMessages.warn).toMatch(/23 часов/)
    expect(shiftAgeMessages.expired).toMatch(/Платежи не принимаются/)
  })

  it('refuses a date it cannot read', () => {
    expect(() => shiftAgeCheck('вчера', new Date())).toThrow(/not a date/)
  })
})
