import { z } from 'zod'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import { anyOperator } from '../operators/roles'
import { notificationKinds, type Notification, type NotificationKind } from './notifications'

export interface NotificationListRow {
  accountId: string
  number: string
  holderName: string
  address: string
  kind: NotificationKind
  meterSerial: string | null
  date: string | null
  amount: number | null
  period: string | null
}

export interface NotificationList {
  rows: NotificationListRow[]
  /** Rows matching the filter, over all pages. */
  total: number
}

export const notificationListInput = z.object({
  kind: labelled('Вид предупреждения', z.enum(notificationKinds)),
  query: labelled('Поиск', z.string().trim().max(200, 'не длиннее 200 символов').default('')),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
})

export const notificationChannels = {
  'notifications.account': channel<Notification[]>()({
    input: z.object({ accountId: labelled('Лицевой счет', z.string().min(1)) }),
    roles: anyOperator,
  }),
  'notifications.list': channel<NotificationList>()({
    input: notificationListInput,
    roles: anyOperator,
  }),
}
