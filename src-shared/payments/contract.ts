import { z } from 'zod'
import { calendarDate } from '../api/date-fields'
import type { Service } from '../accounts/domain'
import { services } from '../accounts/domain'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import { kopecksField } from '../money/amount-field'
import type { ReceiptLayout } from '../documents/receipt-html'
import type { ReceiptModel } from '../documents/receipt'
import { anyOperator, type Role } from '../operators/roles'
import { supervisorCredentials } from '../operators/supervisor-credentials'
import type { ShiftState } from '../shifts/contract'
import type { AllocatedLine, DebtPeriod } from './allocate'
import type { PaymentChannel, PaymentMethod } from './domain'

/** Who takes money at the desk. Clerks do not. */
export const cashDeskRoles: readonly Role[] = ['cashier', 'supervisor', 'admin']

export interface PaymentProposalLine {
  supplierId: string
  supplierName: string
  service: Service
  /** The whole open debt of the line, kopecks. */
  debt: number
  periods: DebtPeriod[]
}

export interface PaymentProposal {
  accountId: string
  accountNumber: string
  holderName: string
  address: string
  lines: PaymentProposalLine[]
  /** Balance per the ledger (positive: owes); may differ from the sum of debts by advances. */
  balance: number
  maxAmount: number
  shift: ShiftState
}

export const recordPaymentSchema = z
  .object({
    accountId: z.string().min(1),
    lines: labelled(
      'Суммы по услугам',
      z
        .array(
          z.object({
            supplierId: z.string().min(1),
            service: z.enum(services),
            amount: kopecksField('Сумма по услуге'),
          }),
        )
        .min(1, 'нет услуг для оплаты'),
    ),
    method: labelled('Способ оплаты', z.enum(['cash', 'card'])),
    cashGiven: kopecksField('Получено наличными').optional(),
    cardReference: labelled('Номер операции по карте', z.string().trim().max(40).optional()),
    payer: labelled('Плательщик', z.string().trim().max(200).optional()),
  })
  .superRefine((p, ctx) => {
    if (p.method === 'cash' && p.cashGiven === undefined)
      ctx.addIssue({ code: 'custom', path: ['cashGiven'], message: 'не заполнено' })
    if (p.method === 'card' && !p.cardReference)
      ctx.addIssue({ code: 'custom', path: ['cardReference'], message: 'не заполнено' })
  })
export type RecordPaymentInput = z.input<typeof recordPaymentSchema>
export type RecordPaymentArgs = z.output<typeof recordPaymentSchema>

export interface RecordedPayment {
  paymentId: string
  receiptNumber: string
  total: number
  change: number | null
  lines: AllocatedLine[]
}

export interface PaymentHistoryLine {
  id: string
  paidAt: string
  amount: number
  lines: { supplierName: string; service: Service; amount: number }[]
  method: PaymentMethod
  channel: PaymentChannel
  officeName: string | null
  cashierName: string | null
  receiptNumber: string | null
  payer: string | null
  /** Taken at another workstation: cancelled only while the server answers (it decides at once). */
  cancelsOnlyOnline: boolean
  cancellation: {
    at: string
    reason: string
    supervisorName: string | null
    receiptNumber: string | null
  } | null
}

const documentRef = z.object({
  paymentId: z.string().min(1),
  document: z.enum(['payment', 'cancellation']).default('payment'),
  layout: z.enum(['80mm', 'a4']).default('80mm'),
})

export interface PrintedDocument {
  /** Where it went: a printer by name, or a PDF file saved on this machine. */
  kind: 'printer' | 'pdf'
  target: string
}

export const paymentChannels = {
  'payments.proposal': channel<PaymentProposal>()({
    input: z.object({ accountId: z.string().min(1) }),
    roles: anyOperator,
  }),
  'payments.record': channel<RecordedPayment>()({
    input: recordPaymentSchema,
    roles: cashDeskRoles,
  }),
  'payments.cancel': channel<{ receiptNumber: string }>()({
    input: z.object({
      paymentId: z.string().min(1),
      reason: labelled('Причина отмены', z.string().trim().min(3, 'укажите причину').max(500)),
      supervisor: supervisorCredentials,
    }),
    roles: anyOperator,
  }),
  'payments.history': channel<PaymentHistoryLine[]>()({
    input: z.object({
      accountId: z.string().min(1),
      from: labelled('С', calendarDate('дата в формате ГГГГ-ММ-ДД').optional()),
      to: labelled('По', calendarDate('дата в формате ГГГГ-ММ-ДД').optional()),
    }),
    roles: anyOperator,
  }),
  'payments.receipt': channel<{ model: ReceiptModel; html: string; layout: ReceiptLayout }>()({
    input: documentRef,
    roles: anyOperator,
  }),
  'payments.print': channel<PrintedDocument>()({
    input: documentRef,
    roles: anyOperator,
  }),
}
