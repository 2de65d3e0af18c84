import type { ServiceRequestKind } from '../../src-shared/service-requests/domain'
import { serviceRequestKinds } from '../../src-shared/service-requests/domain'
import { priceInForce } from '../../src-shared/service-requests/price-list'
import { officeToday, runCommand } from '../api/context'
import type { Handler } from '../api/dispatch'
import { adminCommand } from '../settings/handlers'
import { readSetting } from '../settings/settings'
import { requestFormHtml } from './documents'
import { callBackServiceRequest, changeServiceRequest } from './change-request'
import { priceRows } from './price-lookup'
import { registerServiceRequest } from './register-request'
import { overdueCallBacks, requestsOfAccount } from './request-list'
import { setPrice } from './set-price'

export const serviceRequestHandlers: {
  'serviceRequests.prices': Handler<'serviceRequests.prices'>
  'serviceRequests.list': Handler<'serviceRequests.list'>
  'serviceRequests.register': Handler<'serviceRequests.register'>
  'serviceRequests.change': Handler<'serviceRequests.change'>
  'serviceRequests.callBack': Handler<'serviceRequests.callBack'>
  'serviceRequests.overdue': Handler<'serviceRequests.overdue'>
  'serviceRequests.print': Handler<'serviceRequests.print'>
  'priceList.set': Handler<'priceList.set'>
} = {
  'serviceRequests.prices': (_input, ctx) => {
    const rows = priceRows(ctx.services.db)
    const today = officeToday(ctx)
    return serviceRequestKinds
      .map((kind: ServiceRequestKind) => priceInForce(rows, kind, today))
      .filter((p) => p !== null)
  },
  'serviceRequests.list': (input, ctx) =>
    requestsOfAccount(ctx.services.db, input.accountId, ctx.services.clock()),
  'serviceRequests.register': (input, ctx) => runCommand(ctx, registerServiceRequest, input),
  'serviceRequests.change': (input, ctx) => runCommand(ctx, changeServiceRequest, input),
  'serviceRequests.callBack': (input, ctx) => runCommand(ctx, callBackServiceRequest, input),
  'serviceRequests.overdue': (_input, ctx) =>
    overdueCallBacks(ctx.services.db, ctx.services.clock()),
  'serviceRequests.print': (input, ctx) => {
    const today = officeToday(ctx)
    const { html, name } = requestFormHtml(ctx.services.db, input.requestId, today)
    return ctx.services.printer.print({
      html,
      name,
      layout: 'a4',
      printer: readSetting(ctx.services.db, 'documentPrinter', today),
    })
  },
  // Global reference data: the admin's own live session, pushed at once (as tariffs).
  'priceList.set': (input, ctx) => adminCommand(ctx, setPrice, input, input.validFrom),
}
