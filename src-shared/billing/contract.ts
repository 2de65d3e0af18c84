import { z } from 'zod'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import { clientVersionsSchema } from '../sync/protocol'

/** Who runs the period close from a workstation: an administrator, logged in against the server. */
export const billingRunRoles = ['admin'] as const

export const billingPeriodSchema = labelled(
  'Период',
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'месяц в виде ГГГГ-ММ'),
)

export const billingRunInput = z.object({ period: billingPeriodSchema })

/** POST /billing/run starts the close of the workstation's branch; /billing/status reports it. */
export const billingRunRequestSchema = billingRunInput.extend({ versions: clientVersionsSchema })
export type BillingRunRequest = z.input<typeof billingRunRequestSchema>

/** A period close of one branch as the server runs it (one at a time per branch and period). */
export interface BillingRunState {
  period: string
  status: 'none' | 'running' | 'closed' | 'already-closed' | 'stopped' | 'failed'
  done: number
  total: number
  accounts: number
  chargeLines: number
  penaltyLines: number
  /** A refusal in Russian (a missing law setting, a later period closed). */
  message: string | null
}

export const billingRunMessages = {
  notLoggedIn: 'Расчет периода запускается после входа при связи с центральным сервером.',
  notAdmin: 'Расчет периода запускает администратор.',
  notConfigured: 'Рабочее место не подключено к центральному серверу.',
  offline: 'Нет связи с центральным сервером. Повторите позже.',
}

export const billingChannels = {
  /** Starts the period close of this workstation's branch on the central server (or joins it). */
  'billing.run': channel<BillingRunState>()({ input: billingRunInput, roles: billingRunRoles }),
  /** How far the close has got (polled while it runs). */
  'billing.status': channel<BillingRunState>()({
    input: billingRunInput,
    roles: billingRunRoles,
    passive: true,
  }),
}
