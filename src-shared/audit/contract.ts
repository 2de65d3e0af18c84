import { z } from 'zod'
import { calendarDate } from '../api/date-fields'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import { anyOperator } from '../operators/roles'
import { auditKindKeys } from './words'

/** One line of the action history (the audit log), as the clerk reads it. */
export interface AuditLine {
  id: string
  /** ISO instant */
  at: string
  action: string
  operatorName: string | null
  workstationName: string | null
  accountId: string | null
  accountNumber: string | null
  /** Field changes of an edit, or the values a new record was made with. */
  changes: AuditChange[]
}

export interface AuditChange {
  field: string
  /** Shown as text; undefined = the field was not there before (a new record). */
  old?: string
  new?: string
}

export interface AuditPage {
  entries: AuditLine[]
  total: number
}

const isoDate = calendarDate()

const range = {
  from: labelled('Дата с', isoDate.nullable().default(null)),
  to: labelled('Дата по', isoDate.nullable().default(null)),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
  kind: labelled('Вид записи', z.enum(auditKindKeys).nullable().default(null)),
}

function fromNotAfterTo(v: { from: string | null; to: string | null }) {
  return v.from === null || v.to === null || v.from <= v.to
}
const rangeOrder = { message: 'Дата с: позже даты по', path: ['from'] }

/** Operators whose history a supervisor may read (everyone for supervisors and admins). */
export const auditOfOthersRoles = ['supervisor', 'admin'] as const

export const auditChannels = {
  'audit.account': channel<AuditPage>()({
    input: z
      .object({ accountId: labelled('Лицевой счет', z.string().min(1)), ...range })
      .refine(fromNotAfterTo, rangeOrder),
    roles: anyOperator,
  }),
  'audit.operator': channel<AuditPage>()({
    input: z
      .object({
        /** null: the operator logged in. */
        operatorId: labelled('Оператор', z.string().min(1).nullable().default(null)),
        ...range,
      })
      .refine(fromNotAfterTo, rangeOrder),
    roles: anyOperator,
  }),
}
