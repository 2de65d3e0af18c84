import { z } from 'zod'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import { anyOperator, type Role } from '../operators/roles'
import { splitRegistrationCode } from './registration-code'
import { normalizeServerAddress, serverAddressProblem } from './server-address'

/** What the shell shows about sync with the central server. */
export interface SyncStatus {
  online: boolean
  configured: boolean
  waitingCommands: number
  oldestWaitingAt: string | null
  lastSyncAt: string | null
  rejectedCommands: number
  /** The server's "update required" message while this app is too old to pull. */
  updateRequired: string | null
  /** The central server's address; null before the first run's registration. */
  serverUrl: string | null
  /** Closed shifts whose totals differ from the server's, not yet looked into (supervisors). */
  shiftDifferences: number
  /** Why and how this workstation must be registered again (http to another computer), or null. */
  reregister: string | null
}

/** A command of the outbox as the Sync screen lists it. */
export interface SyncCommandRow {
  id: string
  /** 'payment.record', 'account.edit', ... */
  name: string
  createdAt: string
  status: 'pending' | 'sent' | 'rejected'
  /** The server's reason for a rejection. */
  reason: string | null
  operatorName: string | null
  accountId: string | null
  accountNumber: string | null
  /** Kopecks, for payments. */
  amount: number | null
  /** How a supervisor dealt with a rejection; the rejected entry itself stays. */
  resolution: SyncResolution | null
}

export const resolutionKinds = ['reassigned', 'refunded', 'other'] as const
export type ResolutionKind = (typeof resolutionKinds)[number]

export interface SyncResolution {
  kind: ResolutionKind
  note: string
  /** The account a rejected payment was moved to (kind `reassigned`). */
  accountNumber: string | null
  by: string | null
  at: string
}

/** Payments count and sum in kopecks. */
export interface PaymentTotals {
  count: number
  total: number
}

/** A closed shift whose Z report the server found different from the payments it holds. */
export interface ShiftDifference {
  commandId: string
  shiftId: string
  /** Null when the shift is no longer in the replica. */
  openedAt: string | null
  closedAt: string
  /** Who opened the shift (else who closed it). */
  cashierName: string | null
  /** In the shift's report, as closed at the workstation. */
  reported: PaymentTotals
  /** What the server held for the shift when the report reached it. */
  held: PaymentTotals
  /** Cancellations (refunds) made in the shift, by its report. */
  reportedCancellations: PaymentTotals
  /** Cancellations the server held for the shift; null when its answer predates counting them. */
  heldCancellations: PaymentTotals | null
  /** Cancellations made in the shift that the server rejected: the refunds it does not hold. */
  rejectedCancellations: RejectedCancellation[]
}

/** A cancellation (refund) of the shift the server rejected, named for the supervisor. */
export interface RejectedCancellation {
  commandId: string
  /** The cancellation's own receipt. */
  receiptNumber: string | null
  /** The cancelled payment's receipt and sum. */
  paymentReceipt: string | null
  amount: number | null
  reason: string | null
}

/**
 * A local fact the server's row took the place of (a second cancellation of one payment, a second
 * deletion of one reading): out of its table and every balance, kept for the supervisor.
 */
export interface SetAsideRow {
  id: string
  /** What it was, as the clerk calls it ("Отмена платежа"). */
  kind: string
  table: string
  rowId: string
  receiptNumber: string | null
  amount: number | null
  accountNumber: string | null
  setAsideAt: string
  /** The server's reason (its command's rejection), else what the server's row holds. */
  reason: string
  commandId: string | null
}

export interface SyncCommands {
  /** Not yet taken by the server, oldest first. */
  waiting: SyncCommandRow[]
  /** Refused by the server, newest first; resolved ones stay with their resolution. */
  rejected: SyncCommandRow[]
  /**
   * Shifts whose totals differ from the server's and nobody has looked into yet, newest first;
   * empty for roles other than supervisor and admin.
   */
  shiftDifferences: ShiftDifference[]
  /** Local facts set aside for the server's rows, newest first. */
  setAside: SetAsideRow[]
}

/** Who resolves rejections, looks into shift differences and changes the server's address. */
export const syncSupervisors: readonly Role[] = ['supervisor', 'admin']
/**
 * Who points the workstation at another server address: admins only, since the workstation's
 * credentials follow the address (and only to the same central server, its pinned certificate).
 */
export const serverMovers: readonly Role[] = ['admin']

export const resolveRejectedSchema = z.object({
  commandId: z.string().min(1),
  kind: labelled('Решение', z.enum(resolutionKinds)),
  note: labelled(
    'Что сделано',
    z.string().trim().min(3, 'опишите, что сделано (не короче 3 символов)').max(500),
  ),
  /** For a rejected payment moved to another account: that account's number. */
  accountNumber: labelled('Перенести на счет', z.string().trim().toUpperCase().max(40)).optional(),
})

/** A supervisor's record that a shift's difference was looked into; the difference stays. */
export interface ShiftReview {
  shiftId: string
  note: string
  by: string | null
  at: string
}

export const reviewShiftSchema = z.object({
  shiftId: z.string().min(1),
  note: labelled(
    'Что выяснено',
    z.string().trim().min(3, 'опишите, что выяснено (не короче 3 символов)').max(500),
  ),
})

/** The central server's address field: checked, then stored in one spelling. */
export const serverAddressField = labelled(
  'Адрес сервера',
  z
    .string()
    .superRefine((text, ctx) => {
      const problem = serverAddressProblem(text)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
    .transform(normalizeServerAddress),
)

/**
 * A registration code from `register-workstation`, for a workstation registered over plain http
 * moving to https: only its certificate pin (the last four groups) is used, to prove the server.
 */
const pinCodeField = labelled(
  'Код регистрации',
  z
    .string()
    .trim()
    .refine(
      (typed) => !!splitRegistrationCode(typed)?.pin,
      '8 групп по 4 знака, как выдал администратор сервера',
    ),
)

export const serverAddressSchema = z.object({
  serverUrl: serverAddressField,
  code: pinCodeField.optional(),
})

/** A server that answered the check: it is the central server and knows this workstation. */
export interface ServerCheck {
  serverUrl: string
  /** Null on a workstation not registered yet (only the server's health was asked). */
  knowsWorkstation: boolean | null
}

/** The first run of a workstation: registration, then the first pull. */
export interface SetupState {
  /** An empty replica not registered anywhere: the wizard is shown instead of the login. */
  needed: boolean
  configured: boolean
  bootstrapped: boolean
  serverUrl: string | null
  pulled: number
  estimated: number | null
  /** Why the last sync attempt failed (it is retried). */
  error: string | null
}

export const registerWorkstationSchema = z.object({
  serverUrl: serverAddressField,
  code: labelled(
    'Код регистрации',
    z
      .string()
      .trim()
      .refine(
        (typed) => splitRegistrationCode(typed) !== null,
        '4 или 8 групп по 4 знака, как выдал администратор',
      ),
  ),
})

export const syncChannels = {
  'setup.state': channel<SetupState>()({ input: z.object({}), roles: 'public', passive: true }),
  'setup.register': channel<SetupState>()({ input: registerWorkstationSchema, roles: 'public' }),
  'sync.status': channel<SyncStatus>()({ input: z.object({}), roles: anyOperator, passive: true }),
  'sync.commands': channel<SyncCommands>()({ input: z.object({}), roles: anyOperator }),
  /** Runs a sync now (or right after the one under way) and answers the status after it. */
  'sync.now': channel<SyncStatus>()({ input: z.object({}), roles: anyOperator }),
  'sync.resolve': channel<SyncResolution>()({
    input: resolveRejectedSchema,
    roles: syncSupervisors,
  }),
  /** Marks a shift's total difference as looked into: it leaves the list, the record stays. */
  'sync.reviewShift': channel<ShiftReview>()({ input: reviewShiftSchema, roles: syncSupervisors }),
  /** Points the registered workstation at the server's new address; credentials and cursor stay. */
  'sync.changeServer': channel<SyncStatus>()({
    input: serverAddressSchema,
    roles: serverMovers,
  }),
  /** Asks the server at an address whether it answers and knows this workstation. */
  'sync.checkServer': channel<ServerCheck>()({
    input: serverAddressSchema,
    roles: serverMovers,
  }),
}
