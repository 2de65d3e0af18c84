/*
 * Guessing a password at the workstation (login, unlock, a supervisor's confirmation): the first
 * tries are free, then each wrong one makes the next wait longer. While the wait runs no password
 * is checked at all, the right one included, and the operator is told how long to wait.
 */

/** Wrong tries in a row that cost nothing. */
export const freeTries = 5
const firstDelayMs = 30_000
const longestDelayMs = 15 * 60_000

/** How long the next try waits after this many wrong ones in a row: 0, then 30 s doubling to 15 min. */
export function lockoutDelayMs(failures: number): number {
  if (failures < freeTries) return 0
  return Math.min(longestDelayMs, firstDelayMs * 2 ** (failures - freeTries))
}

export type LockoutKind = 'login' | 'unlock' | 'supervisor'

const what: Record<LockoutKind, string> = {
  login: 'входа',
  unlock: 'разблокировки',
  supervisor: 'подтверждения старшего смены',
}

/** The notice for a try refused while the wait runs. */
export function lockoutMessage(kind: LockoutKind, waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000)
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} мин.` : `${seconds} с`
  return `Слишком много неверных попыток ${what[kind]}. Следующая попытка через ${wait}; попытки записаны в журнал.`
}
