import { formatRub } from '../money/format'
import { assertKopecks } from '../money/kopecks'

export type ShiftCloseCheck =
  { ok: true } | { ok: false; field: 'differenceReason' | 'supervisor'; message: string }

/**
 * Closing a shift whose counted cash differs from the expected: the cashier says why, and a
 * difference above `supervisorThreshold` (kopecks, the dated setting
 * `shiftDifferenceSupervisorThreshold`) is closed only with a supervisor confirming it.
 */
export function checkShiftClose(
  difference: number,
  supervisorThreshold: number,
  reason: string | undefined,
  supervisorConfirmed: boolean,
): ShiftCloseCheck {
  assertKopecks(difference, 'difference')
  assertKopecks(supervisorThreshold, 'threshold')
  if (difference === 0) return { ok: true }
  if (!reason || reason.trim() === '') {
    return {
      ok: false,
      field: 'differenceReason',
      message: `Причина расхождения: наличные в кассе расходятся с ожидаемыми на ${formatRub(difference)}, укажите причину`,
    }
  }
  if (Math.abs(difference) > supervisorThreshold && !supervisorConfirmed) {
    return {
      ok: false,
      field: 'supervisor',
      message: `Старший смены: расхождение ${formatRub(Math.abs(difference))} больше ${formatRub(supervisorThreshold)}, смену закрывают с подтверждением старшего смены (его логин и пароль)`,
    }
  }
  return { ok: true }
}
