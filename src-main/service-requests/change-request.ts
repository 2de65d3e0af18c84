import { officeDate } from '../../src-shared/dates'
import { canMoveRequest, type ServiceRequestStatus } from '../../src-shared/service-requests/domain'
import type {
  CallBackServiceRequestArgs,
  ChangeServiceRequestArgs,
} from '../../src-shared/service-requests/schemas'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { readSetting } from '../settings/settings'

interface StoredRequest {
  id: string
  accountId: string
  number: string
  status: ServiceRequestStatus
  calledBackAt: string | null
}

function storedRequest(db: Db, id: string): StoredRequest {
  const row = prepared(
    db.$client,
    `SELECT id, account_id AS accountId, number, status, called_back_at AS calledBackAt
       FROM service_requests WHERE id = ?`,
  ).get(id) as StoredRequest | undefined
  if (!row) throw new ApiFailure('not_found', 'Заявка не найдена.')
  return row
}

export const requestStatusWords: Record<ServiceRequestStatus, string> = {
  new: 'новая',
  scheduled: 'назначена',
  done: 'выполнена',
  cancelled: 'отменена',
}

/**
 * serviceRequest.change: scheduled (date and time window), done (the outcome, the seal numbers)
 * or cancelled (the reason). Any move counts as the call back if none was recorded.
 */
export const changeServiceRequest: CommandDef<
  ChangeServiceRequestArgs,
  null,
  'serviceRequest.change'
> = {
  name: 'serviceRequest.change',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const r = storedRequest(tx, args.requestId)
    if (!canMoveRequest(r.status, args.status)) {
      throw ApiFailure.field(
        'status',
        `Состояние: заявка ${requestStatusWords[r.status]}, перевести в «${requestStatusWords[args.status]}» нельзя.`,
      )
    }
    const doneOn =
      args.status === 'done'
        ? officeDate(ctx.now, readSetting(tx, 'officeTimeZone', ctx.at.slice(0, 10)))
        : null
    prepared(
      tx.$client,
      `UPDATE service_requests SET status = @status,
         scheduled_on = CASE WHEN @status = 'scheduled' THEN @scheduledOn ELSE scheduled_on END,
         time_window = CASE WHEN @status = 'scheduled' THEN @timeWindow ELSE time_window END,
         outcome = coalesce(@outcome, outcome), seal_numbers = coalesce(@sealNumbers, seal_numbers),
         cancel_reason = @reason, done_on = @doneOn,
         called_back_at = coalesce(called_back_at, @at), updated_at = @at
       WHERE id = @id`,
    ).run({ ...args, id: r.id, doneOn, at: ctx.at })
    return {
      result: null,
      audit: [
        {
          action: 'serviceRequest.change',
          entity: 'service_request',
          entityId: r.id,
          accountId: r.accountId,
          details: { number: r.number, old: { status: r.status }, new: args },
        },
      ],
    }
  },
}

/** serviceRequest.callBack: the customer was called back (the 72-hour promise). */
export const callBackServiceRequest: CommandDef<
  CallBackServiceRequestArgs,
  null,
  'serviceRequest.callBack'
> = {
  name: 'serviceRequest.callBack',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const r = storedRequest(tx, args.requestId)
    if (r.calledBackAt) throw new ApiFailure('conflict', 'Заявка: обратный звонок уже отмечен.')
    prepared(
      tx.$client,
      'UPDATE service_requests SET called_back_at = ?, updated_at = ? WHERE id = ?',
    ).run(ctx.at, ctx.at, r.id)
    return {
      result: null,
      audit: [
        {
          action: 'serviceRequest.callBack',
          entity: 'service_request',
          entityId: r.id,
          accountId: r.accountId,
          details: { number: r.number, note: args.note },
        },
      ],
    }
  },
}
