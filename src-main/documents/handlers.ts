import type { PrintedDocument } from '../../src-shared/payments/contract'
import { officeToday } from '../api/context'
import type { DomainHandlers, HandlerContext } from '../api/dispatch'
import { workstationActor, writeAudit } from '../audit/audit-log'
import { prepared } from '../db/prepared'
import { readSetting } from '../settings/settings'
import { billedPeriods } from './bill-data'
import { billBatchState, cancelBillBatch, startBillBatch } from './bill-batches'
import { counterDocument } from './counter-documents'
import { scannedBill } from './scan'
import { renderTestPageHtml } from '../../src-shared/documents/test-page-html'
import type { CounterDocumentRequest } from '../../src-shared/documents/contract'
import type { Service } from '../../src-shared/accounts/domain'

function build(ctx: HandlerContext, input: CounterDocumentRequest) {
  return counterDocument(ctx.services.db, input, {
    timeZone: ctx.services.timeZone,
    today: officeToday(ctx),
  })
}

export const documentHandlers: DomainHandlers<'documents'> = {
  'documents.choices': (input, ctx) => ({
    today: officeToday(ctx),
    periods: billedPeriods(ctx.services.db, input.accountId),
    services: (
      prepared(
        ctx.services.db.$client,
        `SELECT DISTINCT service FROM account_services WHERE account_id = ?
          ORDER BY service = 'electricity' DESC, service`,
      ).all(input.accountId) as { service: Service }[]
    ).map((r) => r.service),
  }),

  'documents.preview': (input, ctx) => {
    const { title, html } = build(ctx, input)
    return { title, html, layout: 'a4' }
  },

  'documents.print': async (input, ctx): Promise<PrintedDocument> => {
    const { db } = ctx.services
    const doc = build(ctx, input)
    const printer = input.saveAsPdf ? '' : readSetting(db, 'documentPrinter', officeToday(ctx))
    const printed = await ctx.services.printer.print({
      html: doc.html,
      name: doc.name,
      layout: 'a4',
      printer,
    })
    // Each document given out is on record: what, for whom, where it went.
    writeAudit(db, workstationActor(db, ctx.session?.operatorId ?? null, ctx.services.clock()), {
      action: 'document.print',
      entity: 'document',
      entityId: input.kind,
      accountId: input.accountId,
      details: { ...input, title: doc.title, kind: printed.kind, target: printed.target },
    })
    return printed
  },

  'documents.printers': async (_input, ctx) => {
    const today = officeToday(ctx)
    return {
      printers: await ctx.services.printer.listPrinters(),
      receiptPrinter: readSetting(ctx.services.db, 'receiptPrinter', today),
      documentPrinter: readSetting(ctx.services.db, 'documentPrinter', today),
    }
  },

  'documents.testPage': (input, ctx) => {
    const printer = readSetting(
      ctx.services.db,
      input.layout === '80mm' ? 'receiptPrinter' : 'documentPrinter',
      officeToday(ctx),
    )
    return ctx.services.printer.print({
      html: renderTestPageHtml(
        input.layout,
        printer,
        ctx.services.clock().toISOString(),
        ctx.services.timeZone,
      ),
      name: `Пробная_страница_${input.layout}`,
      layout: input.layout,
      printer,
    })
  },

  'documents.batchStart': (input, ctx) => {
    const { db } = ctx.services
    const state = startBillBatch(db, ctx.services.printer, {
      period: input.period,
      officeId: input.officeId ?? null,
      paperOnly: input.paperOnly,
      resume: input.resume,
      timeZone: ctx.services.timeZone,
      printerName: readSetting(db, 'documentPrinter', officeToday(ctx)),
      worker: ctx.services.billWorker,
    })
    writeAudit(db, workstationActor(db, ctx.session?.operatorId ?? null, ctx.services.clock()), {
      action: 'document.batch',
      entity: 'document',
      entityId: 'bill',
      details: { ...input, total: state.total, from: state.next },
    })
    return state
  },

  'documents.batchStatus': (_input, ctx) => billBatchState(ctx.services.db),

  'documents.batchCancel': (_input, ctx) => cancelBillBatch(ctx.services.db),

  'documents.scan': (input, ctx) => scannedBill(ctx.services.db, input.text, ctx.services.timeZone),
}
