/** Fiscal rules close a cash shift after 24 hours at most. */
export const shiftMaxHours = 24
/** From here the cashier is warned to close the shift soon. */
export const shiftWarnHours = 23

export type ShiftAge = 'ok' | 'warn' | 'expired'

const hour = 60 * 60 * 1000

function instant(value: string | Date): number {
  const ms = (typeof value === 'string' ? new Date(value) : value).getTime()
  if (Number.isNaN(ms)) throw new Error(`not a date: ${String(value)}`)
  return ms
}

/** When the shift must be closed: 24 hours after it opened. */
export function shiftDeadline(openedAt: string | Date): Date {
  return new Date(instant(openedAt) + shiftMaxHours * hour)
}

/** 'warn' from 23 hours, 'expired' at 24 hours: then no new payment is taken in this shift. */
export function shiftAgeCheck(openedAt: string | Date, now: Date): ShiftAge {
  const age = instant(now) - instant(openedAt)
  if (age >= shiftMaxHours * hour) return 'expired'
  if (age >= shiftWarnHours * hour) return 'warn'
  return 'ok'
}

/** What the cash desk shows for a shift that is getting old. */
export const shiftAgeMessages: Record<Exclude<ShiftAge, 'ok'>, string> = {
  warn: 'Смена открыта больше 23 часов. Закройте смену: после 24 часов платежи не принимаются.',
  expired: 'Смена открыта 24 часа. Платежи не принимаются: закройте смену и откройте новую.',
}
