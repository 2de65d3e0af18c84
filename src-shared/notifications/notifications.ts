import type { AccountStatus } from '../accounts/domain'
import { appealFlag, type AppealStatus } from '../appeals/domain'
import { verificationStatus } from '../meters/verification'
import { callBackOverdue, type CallBackFacts } from '../service-requests/domain'

/** What the card and the office notifications list flag, most urgent first. */
export const notificationKinds = [
  'closed',
  'verification_expired',
  'verification_due',
  'no_reading',
  'debt',
  'callback_overdue',
  'appeal_overdue',
  'appeal_due_soon',
] as const
export type NotificationKind = (typeof notificationKinds)[number]

export interface Notification {
  kind: NotificationKind
  /** The meter concerned (verification notifications). */
  meterSerial?: string
  /** The date behind the notification: next verification, closing date. */
  date?: string | null
  /** Kopecks: the debt (debt notifications). */
  amount?: number
  /** YYYY-MM: the period without a reading. */
  period?: string
  /** The service request's or appeal's number (call-back and appeal notifications). */
  number?: string
}

/** The facts of one account the notifications are decided from. */
export interface NotificationFacts {
  status: AccountStatus
  closedAt: string | null
  meters: { serialNumber: string; nextVerificationAt: string | null; status: string }[]
  /** The latest period a standing reading counts for, null when none. */
  lastReadingPeriod: string | null
  /** Kopecks; positive = the customer owes. */
  balance: number
  /** Service requests still waiting (the 72-hour call back). */
  requests?: (CallBackFacts & { number: string })[]
  /** Appeals not yet answered. */
  appeals?: { number: string; status: AppealStatus; dueOn: string }[]
}

export interface NotificationRules {
  today: string
  /** The period readings taken today count for. */
  currentPeriod: string
  /** Kopecks of debt from which the account is flagged (setting debtAlertThreshold). */
  debtThreshold: number
  /** The instant now, and the settings serviceCallBackHours and appealDueSoonDays. */
  now?: string
  callBackHours?: number
  appealDueSoonDays?: number
}

/**
 * An account's notifications. A closed account gets only its own notification and the debt: its meters are
 * not read any more. Removed meters never raise notifications.
 */
export function accountNotifications(
  facts: NotificationFacts,
  rules: NotificationRules,
): Notification[] {
  const notifications: Notification[] = []
  const open = facts.status === 'open'
  if (!open) notifications.push({ kind: 'closed', date: facts.closedAt })
  const active = open ? facts.meters.filter((m) => m.status === 'active') : []
  for (const m of active) {
    const state = verificationStatus(m.nextVerificationAt, rules.today)
    if (state === 'expired') {
      notifications.push({
        kind: 'verification_expired',
        meterSerial: m.serialNumber,
        date: m.nextVerificationAt,
      })
    }
  }
  for (const m of active) {
    if (verificationStatus(m.nextVerificationAt, rules.today) === 'due') {
      notifications.push({
        kind: 'verification_due',
        meterSerial: m.serialNumber,
        date: m.nextVerificationAt,
      })
    }
  }
  if (
    active.length > 0 &&
    (facts.lastReadingPeriod === null || facts.lastReadingPeriod < rules.currentPeriod)
  ) {
    notifications.push({ kind: 'no_reading', period: rules.currentPeriod })
  }
  if (facts.balance > rules.debtThreshold) {
    notifications.push({ kind: 'debt', amount: facts.balance })
  }
  if (rules.now !== undefined && rules.callBackHours !== undefined) {
    for (const r of facts.requests ?? []) {
      if (callBackOverdue(r, rules.now, rules.callBackHours))
        notifications.push({ kind: 'callback_overdue', number: r.number, date: r.registeredAt })
    }
  }
  for (const a of facts.appeals ?? []) {
    const flag = appealFlag(a, rules.today, rules.appealDueSoonDays ?? 0)
    if (flag === 'overdue')
      notifications.push({ kind: 'appeal_overdue', number: a.number, date: a.dueOn })
    if (flag === 'due_soon')
      notifications.push({ kind: 'appeal_due_soon', number: a.number, date: a.dueOn })
  }
  return notifications
}
