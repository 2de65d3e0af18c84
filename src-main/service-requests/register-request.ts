import { uuidv7 } from 'uuidv7'
import { officeDate } from '../../src-shared/dates'
import type { RegisterServiceRequestArgs } from '../../src-shared/service-requests/schemas'
import { storedAccount } from '../accounts/account-fields'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { prepared } from '../db/prepared'
import { readSetting } from '../settings/settings'
import { priceOn } from './price-lookup'
import { nextNumber } from './request-number'

export interface RegisteredRequest {
  requestId: string
  number: string
  price: number
}

/**
 * serviceRequest.register: a new request of an account at the price list's price in force today
 * (0 for a free service), waiting for the 72-hour call back.
 */
export const registerServiceRequest: CommandDef<
  RegisterServiceRequestArgs,
  RegisteredRequest,
  'serviceRequest.register'
> = {
  name: 'serviceRequest.register',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const account = storedAccount(tx, args.accountId)
    if (account.status === 'closed')
      throw new ApiFailure('conflict', 'Лицевой счет закрыт: заявку не зарегистрировать.')
    if (args.meterId) {
      const meter = prepared(
        tx.$client,
        "SELECT 1 FROM meters WHERE id = ? AND account_id = ? AND status = 'active'",
      ).get(args.meterId, args.accountId)
      if (!meter) throw ApiFailure.field('meterId', 'Счетчик: не найден на этом счете.')
    }
    const today = officeDate(ctx.now, readSetting(tx, 'officeTimeZone', ctx.at.slice(0, 10)))
    const price = priceOn(tx, args.kind, today)
    if (!price) throw ApiFailure.field('kind', 'Вид заявки: нет в прейскуранте.')
    const requestId = uuidv7()
    const number = nextNumber(tx, 'service_requests', 'З')
    prepared(
      tx.$client,
      `INSERT INTO service_requests (id, account_id, number, kind, meter_id, contact_phone,
         preferred_dates, note, price, supplier_id, status, registered_at, operator_id, updated_at)
       VALUES (@id, @accountId, @number, @kind, @meterId, @contactPhone, @preferredDates, @note,
               @price, @supplierId, 'new', @at, @operatorId, @at)`,
    ).run({
      ...args,
      id: requestId,
      number,
      price: price.price,
      supplierId: price.price > 0 ? price.supplierId : null,
      at: ctx.at,
      operatorId: ctx.operatorId,
    })
    return {
      result: { requestId, number, price: price.price },
      recorded: { ...args, requestId, number },
      audit: [
        {
          action: 'serviceRequest.register',
          entity: 'service_request',
          entityId: requestId,
          accountId: args.accountId,
          details: { new: { number, kind: args.kind, price: price.price } },
        },
      ],
    }
  },
}
