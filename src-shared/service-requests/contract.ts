import { z } from 'zod'
import { channel } from '../api/channel'
import type { PrintedDocument } from '../payments/contract'
import { labelled } from '../api/validation'
import type { Role } from '../operators/roles'
import type { ServiceRequestKind, ServiceRequestStatus } from './domain'
import {
  callBackServiceRequestSchema,
  changeServiceRequestSchema,
  priceListSetSchema,
  registerServiceRequestSchema,
} from './schemas'

const editors: readonly Role[] = ['clerk', 'supervisor', 'admin']
const supervisors: readonly Role[] = ['supervisor', 'admin']

export interface ServiceRequestRow {
  id: string
  accountId: string
  accountNumber: string
  number: string
  kind: ServiceRequestKind
  meterSerial: string | null
  contactPhone: string
  preferredDates: string | null
  note: string | null
  /** Kopecks; 0 = free. */
  price: number
  status: ServiceRequestStatus
  registeredAt: string
  callBackDueAt: string
  calledBackAt: string | null
  /** The 72-hour promise broken: nobody called back in time. */
  callBackOverdue: boolean
  scheduledOn: string | null
  timeWindow: string | null
  outcome: string | null
  sealNumbers: string | null
  cancelReason: string | null
  doneOn: string | null
}

export interface PriceListEntry {
  kind: ServiceRequestKind
  validFrom: string
  /** Kopecks; 0 = free. */
  price: number
  supplierId: string
}

const accountId = labelled('Лицевой счет', z.string().min(1, 'не выбран'))

export const serviceRequestChannels = {
  /** The price list in force today, per kind (a kind without a row cannot be ordered). */
  'serviceRequests.prices': channel<PriceListEntry[]>()({ input: z.object({}), roles: editors }),
  'serviceRequests.list': channel<ServiceRequestRow[]>()({
    input: z.object({ accountId }),
    roles: editors,
  }),
  'serviceRequests.register': channel<{ requestId: string; number: string; price: number }>()({
    input: registerServiceRequestSchema,
    roles: editors,
  }),
  'serviceRequests.change': channel<null>()({ input: changeServiceRequestSchema, roles: editors }),
  'serviceRequests.callBack': channel<null>()({
    input: callBackServiceRequestSchema,
    roles: editors,
  }),
  /** The supervisor's list: open requests not called back within the promised hours. */
  'serviceRequests.overdue': channel<ServiceRequestRow[]>()({
    input: z.object({}),
    roles: supervisors,
  }),
  /** The request form for the customer, to the document printer (or a PDF). */
  'serviceRequests.print': channel<PrintedDocument>()({
    input: z.object({ requestId: z.string().min(1) }),
    roles: editors,
  }),
  'priceList.set': channel<{ priceId: string }>()({
    input: priceListSetSchema,
    roles: ['admin'],
  }),
}
