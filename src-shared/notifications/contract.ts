import { z } from 'zod'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import { anyOperator } from '../operators/roles'
import { alertKinds, type Alert, type AlertKind } from './notifications'

export interface AlertListRow {
  accountId: string
  number: string
  holderName: string
  address: string
  kind: AlertKind
  meterSerial: string | null
  date: string | null
  amount: number | null
  period: string | null
}

export interface AlertList {
  rows: AlertListRow[]
  /** Rows matching the filter, over all pages. */
  total: number
}

export const alertListInput = z.object({
  kind: labelled('Вид предупреждения', z.enum(alertKinds)),
  query: labelled('Поиск', z.string().trim().max(200, 'не длиннее 200 символов').default('')),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
})

export const alertChannels = {
  'notifications.account': channel<Alert[]>()({
    input: z.object({ accountId: labelled('Лицевой счет', z.string().min(1)) }),
    roles: anyOperator,
  }),
  'notifications.list': channel<AlertList>()({ input: alertListInput, roles: anyOperator }),
}
