/** Topics an appeal is filed under (обращение: вопрос, жалоба, заявление). */
export const appealTopics = [
  'billing',
  'readings',
  'meter',
  'payment',
  'supply_quality',
  'personal_data',
  'other',
] as const
export type AppealTopic = (typeof appealTopics)[number]

/** How the customer wants the answer (`replyChannel`). */
export const replyChannels = ['phone', 'email', 'letter'] as const
export type ReplyChannel = (typeof replyChannels)[number]

export const appealStatuses = ['registered', 'in_work', 'answered', 'closed'] as const
export type AppealStatus = (typeof appealStatuses)[number]

const next: Record<AppealStatus, readonly AppealStatus[]> = {
  registered: ['in_work', 'answered', 'closed'],
  in_work: ['answered', 'closed'],
  answered: ['closed'],
  closed: [],
}

export function canMoveAppeal(from: AppealStatus, to: AppealStatus): boolean {
  return next[from].includes(to)
}

const dayMs = 86_400_000

/** A calendar date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10)
}

/** Days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs)
}

/**
 * The day the answer is due: `answerDays` (the dated setting `appealAnswerDays`, 30 by 59-FZ)
 * calendar days after the day of registration.
 */
export function appealDueOn(registeredOn: string, answerDays: number): string {
  return addDays(registeredOn, answerDays)
}

export type AppealFlag = 'overdue' | 'due_soon'

/**
 * An appeal not yet answered is overdue after its due day and due soon from `soonDays` (the
 * dated setting `appealDueSoonDays`) before it; answered and closed ones are never flagged.
 */
export function appealFlag(
  a: { status: AppealStatus; dueOn: string },
  today: string,
  soonDays: number,
): AppealFlag | null {
  if (a.status === 'answered' || a.status === 'closed') return null
  const left = daysBetween(today, a.dueOn)
  if (left < 0) return 'overdue'
  if (left <= soonDays) return 'due_soon'
  return null
}
