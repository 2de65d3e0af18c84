import type { ServiceRequestKind } from '../../src-shared/service-requests/domain'
import { serviceRequestKinds } from '../../src-shared/service-requests/domain'
import { priceInForce } from '../../src-shared/service-requests/price-list'
import { officeToday, runCommand } from '../api/context'
import { printA4 } from '../documents/print-a4'
import type { DomainHandlers } from '../api/dispatch'
import { adminCommand } from '../settings/handlers'
import { requestFormHtml } from './documents'
import { callBackServiceRequest, changeServiceRequest } from './change-request'
import { priceRows } from './price-lookup'
import { registerServiceRequest } from './register-request'
import { overdueCallBacks, requestsOfAccount } from './request-list'
import { setPrice } from './set-price'

export const serviceRequestHandlers: DomainHandlers<'serviceRequests' | 'priceList'> = {
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
  'serviceRequests.print': (input, ctx) =>
    printA4(ctx, requestFormHtml(ctx.services.db, input.requestId, officeToday(ctx))),
  // Global reference data: the admin's own live session, pushed at once (as tariffs).
  'priceList.set': (input, ctx) => adminCommand(ctx, setPrice, input, input.validFrom),
}
