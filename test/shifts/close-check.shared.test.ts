import { describe, expect, it } from 'vitest'
import { checkShiftClose } from '../../src-shared/shifts/close-check'

const nb = '\u00a0'

describe('closing a shift with a cash difference', () => {
  it.each([
    [0, 100_000, undefined, false],
    [-100, 100_000, 'Сдача выдана неверно', false],
    [100_000, 100_000, 'Лишние деньги', false],
    [-100_001, 100_000, 'Недостача', true],
    [0, 0, undefined, false],
  ])('difference %i, threshold %i, reason %j, supervisor %j: closes', (d, t, r, s) => {
    expect(checkShiftClose(d, t, r, s)).toEqual({ ok: true })
  })

  it.each([
    [-100, 100_000, undefined, false, 'differenceReason', `на -1,00${nb}₽`],
    [100, 100_000, '   ', true, 'differenceReason', 'укажите причину'],
    [
      -100_001,
      100_000,
      'Недостача',
      false,
      'supervisor',
      `1${nb}000,01${nb}₽ больше 1${nb}000,00${nb}₽`,
    ],
    [1, 0, 'Лишняя копейка', false, 'supervisor', 'подтверждением старшего смены'],
  ])(
    'difference %i, threshold %i, reason %j, supervisor %j: asks for %s',
    (d, t, r, s, field, text) => {
      const check = checkShiftClose(d, t, r, s)
      expect(check.ok).toBe(false)
      if (check.ok) return
      expect(check.field).toBe(field)
      expect(check.message).toContain(text)
    },
  )

  it('refuses amounts that are not kopecks', () => {
    expect(() => checkShiftClose(0.5, 100, 'x', false)).toThrow(/kopecks/)
  })
})
