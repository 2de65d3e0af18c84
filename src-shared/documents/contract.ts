import { z } from 'zod'
import { services, type Service } from '../accounts/domain'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import { anyOperator, type Role } from '../operators/roles'
import { cashDeskRoles, type PrintedDocument } from '../payments/contract'

/** The documents printed from the card, besides the receipt. */
export const counterDocumentKinds = ['bill', 'reconciliation', 'certificate', 'penalties'] as const
export type CounterDocumentKind = (typeof counterDocumentKinds)[number]

const isoDate = z.iso.date('дата в формате ГГГГ-ММ-ДД')

export const counterDocumentSchema = z
  .object({
    kind: labelled('Документ', z.enum(counterDocumentKinds)),
    accountId: z.string().min(1),
    period: labelled(
      'Период',
      z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'период ГГГГ-ММ')
        .optional(),
    ),
    from: labelled('С', isoDate.optional()),
    to: labelled('По', isoDate.optional()),
    /** The reconciliation's service; absent = all. */
    service: labelled('Услуга', z.enum(services).optional()),
    /** The certificate's and the penalty sheet's date; absent = today. */
    date: labelled('На дату', isoDate.optional()),
    /** Print: save a PDF even where a printer is chosen. */
    saveAsPdf: z.boolean().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'bill' && !d.period)
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'не заполнено' })
    if (d.kind === 'reconciliation') {
      if (!d.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'не заполнено' })
      if (!d.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'не заполнено' })
      if (d.from && d.to && d.from > d.to)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'раньше даты «С»' })
    }
  })
export type CounterDocumentRequest = z.output<typeof counterDocumentSchema>

export interface CounterDocument {
  title: string
  html: string
  layout: 'a4'
}

export interface DocumentChoices {
  /** The office's today: the default date and range end. */
  today: string
  /** Billed periods, newest first. */
  periods: { period: string; documentNumber: string }[]
  services: Service[]
}

/** A scanned bill's QR, read against the replica: the payment it opens. */
export interface ScannedBill {
  accountId: string
  accountNumber: string
  period: string
  supplierId: string
  total: number
  lines: { supplierId: string; service: Service; amount: number }[]
}

/** A printer the system knows, as the settings list offers it. */
export interface SystemPrinter {
  name: string
  displayName: string
}

export interface PrinterChoices {
  printers: SystemPrinter[]
  /** The printers chosen per kind in settings ('' = save as PDF). */
  receiptPrinter: string
  documentPrinter: string
}

/** Who prints an office's bills in batch. */
export const batchRoles: readonly Role[] = ['supervisor', 'admin']

/** A batch of a period's bills: where it stands. */
export interface BillBatchState {
  period: string
  officeId: string | null
  paperOnly: boolean
  /** Bills to print in this batch. */
  total: number
  /** Bills handed to the printer so far. */
  done: number
  running: boolean
  /** Where a cancelled batch resumes; null when nothing is left. */
  next: number | null
  documents: PrintedDocument[]
  error: string | null
  /** Accounts whose consent is e-mail delivery: not printed, listed for sending. */
  emailAccounts: { accountNumber: string; holderName: string }[]
}

export const documentChannels = {
  'documents.batchStart': channel<BillBatchState>()({
    input: z.object({
      period: labelled('Период', z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'период ГГГГ-ММ')),
      /** Absent: every office of the branch the replica holds. */
      officeId: labelled('Офис', z.string().min(1).optional()),
      paperOnly: labelled('Только с бумажной доставкой', z.boolean().default(false)),
      /** Continue the cancelled batch of the same period and office. */
      resume: z.boolean().default(false),
    }),
    roles: batchRoles,
  }),
  'documents.batchStatus': channel<BillBatchState | null>()({
    input: z.object({}),
    roles: batchRoles,
    passive: true,
  }),
  'documents.batchCancel': channel<BillBatchState | null>()({
    input: z.object({}),
    roles: batchRoles,
  }),
  'documents.printers': channel<PrinterChoices>()({
    input: z.object({}),
    roles: anyOperator,
  }),
  'documents.testPage': channel<PrintedDocument>()({
    input: z.object({ layout: labelled('Формат', z.enum(['80mm', 'a4'])) }),
    roles: anyOperator,
  }),
  'documents.choices': channel<DocumentChoices>()({
    input: z.object({ accountId: z.string().min(1) }),
    roles: anyOperator,
  }),
  'documents.preview': channel<CounterDocument>()({
    input: counterDocumentSchema,
    roles: anyOperator,
  }),
  'documents.print': channel<PrintedDocument>()({
    input: counterDocumentSchema,
    roles: anyOperator,
  }),
  'documents.scan': channel<ScannedBill>()({
    input: z.object({ text: labelled('Код', z.string().min(1).max(2000)) }),
    roles: cashDeskRoles,
  }),
}
