import { z } from 'zod'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import { kopecksField } from '../money/amount-field'
import { supervisorCredentials } from '../operators/supervisor-credentials'
import { cashDeskRoles, type PrintedDocument } from '../payments/contract'
import type { ShiftAge } from './age'
import type { ShiftReport } from './report'

export interface OpenShift {
  id: string
  openedAt: string
  openedByName: string | null
  openingCash: number
  /** ok; warn: close soon; expired: no new payments. */
  age: ShiftAge
  /** Russian, when age is not ok. */
  ageMessage: string | null
}

/** This workstation's open shift, or null when none is open. */
export type ShiftState = OpenShift | null

export const shiftChannels = {
  'shifts.current': channel<ShiftState>()({ input: z.object({}), roles: cashDeskRoles }),
  'shifts.open': channel<OpenShift>()({
    input: z.object({ openingCash: kopecksField('Наличные в кассе на начало смены') }),
    roles: cashDeskRoles,
  }),
  /** The X report of the open shift, or a closed shift's frozen Z report. */
  'shifts.report': channel<{ shiftId: string; report: ShiftReport; html: string }>()({
    input: z.object({ shiftId: z.string().min(1).optional() }),
    roles: cashDeskRoles,
  }),
  'shifts.close': channel<{ shiftId: string; report: ShiftReport }>()({
    input: z.object({
      countedCash: kopecksField('Наличные в кассе по факту'),
      differenceReason: labelled('Причина расхождения', z.string().trim().max(500).optional()),
      supervisor: supervisorCredentials,
    }),
    roles: cashDeskRoles,
  }),
  'shifts.print': channel<PrintedDocument>()({
    input: z.object({ shiftId: z.string().min(1) }),
    roles: cashDeskRoles,
  }),
}
