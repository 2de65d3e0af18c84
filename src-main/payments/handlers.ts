import { renderReceiptHtml } from '../../src-shared/documents/receipt-html'
import { addMonths } from '../../src-shared/readings/calendar'
import { officeToday, runCommand } from '../api/context'
import type { DomainHandlers, HandlerContext } from '../api/dispatch'
import { ApiFailure } from '../api/failure'
import { supervisorOf } from '../operators/supervisor'
import { readSetting } from '../settings/settings'
import { openShiftOf } from '../shifts/shifts'
import { currentDevice } from '../workstation/device'
import { cancelsOnlyOnline, cancelWithServer } from './cancel-online'
import { cancelPayment } from './cancel-payment'
import { paymentHistory } from './history'
import { debtLines, payableAccount } from './proposal'
import { receiptModel } from './receipt'
import { recordPayment } from './record-payment'

function receiptDocument(
  ctx: HandlerContext,
  input: { paymentId: string; document: 'payment' | 'cancellation'; layout: '80mm' | 'a4' },
) {
  const model = receiptModel(
    ctx.services.db,
    input.paymentId,
    input.document,
    ctx.services.timeZone,
  )
  return { model, html: renderReceiptHtml(model, input.layout), layout: input.layout }
}

export const paymentHandlers: DomainHandlers<'payments'> = {
  'payments.proposal': (input, ctx) => {
    const { db } = ctx.services
    const account = payableAccount(db, input.accountId)
    const { lines, balance } = debtLines(db, input.accountId)
    return {
      accountId: input.accountId,
      accountNumber: account.accountNumber,
      holderName: account.holderName,
      address: account.address,
      lines,
      balance,
      maxAmount: readSetting(db, 'paymentMaxAmount', officeToday(ctx)),
      shift: openShiftOf(db, currentDevice(db).workstationId, ctx.services.clock()),
    }
  },

  'payments.record': (input, ctx) =>
    runCommand(ctx, recordPayment, { ...input, timeZone: ctx.services.timeZone }),

  'payments.cancel': (input, ctx) => {
    const supervisor = supervisorOf(ctx, input.supervisor)
    if (!supervisor) {
      const message =
        'Отменить платеж может только старший смены: войдите как старший или введите его логин и пароль.'
      throw new ApiFailure('forbidden', message, { supervisor: message })
    }
    const cancel = () =>
      runCommand(ctx, cancelPayment, {
        paymentId: input.paymentId,
        reason: input.reason,
        supervisor,
      })
    // A payment taken at another desk: the server decides at once (see cancel-online).
    return cancelsOnlyOnline(ctx.services.db, input.paymentId)
      ? cancelWithServer(ctx, input.paymentId, cancel)
      : cancel()
  },

  'payments.history': (input, ctx) => {
    const to = input.to ?? officeToday(ctx)
    return paymentHistory(ctx.services.db, {
      accountId: input.accountId,
      from: input.from ?? addMonths(to, -12),
      to,
    })
  },

  'payments.receipt': (input, ctx) => receiptDocument(ctx, input),

  'payments.print': async (input, ctx) => {
    const { model, html, layout } = receiptDocument(ctx, input)
    const printer = readSetting(
      ctx.services.db,
      layout === '80mm' ? 'receiptPrinter' : 'documentPrinter',
      officeToday(ctx),
    )
    return ctx.services.printer.print({ html, name: model.receiptNumber, layout, printer })
  },
}
