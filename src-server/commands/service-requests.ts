import { sql } from 'drizzle-orm'
import { officeDate } from '../../src-shared/dates'
import {
  canMoveRequest,
  type ServiceRequestKind,
  type ServiceRequestStatus,
} from '../../src-shared/service-requests/domain'
import { priceInForce, type PriceRow } from '../../src-shared/service-requests/price-list'
import { requestMessages } from '../../src-shared/service-requests/messages'
import { syncMessages } from '../../src-shared/sync/messages'
import type { ServerDb } from '../db/connection'
import { queryRow, queryRows } from '../db/query'
import { settingsOn } from '../settings/settings'
import { accountInBranch } from './lookups'
import { reject, serverCommand, type ServerCommandContext } from './server-command'

/** The office's date of the command's instant. */
export async function commandDate(tx: ServerDb, at: string): Promise<string> {
  const zone = (await settingsOn(tx, at.slice(0, 10)))('officeTimeZone')
  return officeDate(new Date(at), zone)
}

/**
 * A number the workstation made must carry its own receipt prefix (unique per workstation): a
 * workstation cannot take another's numbers.
 */
export async function requireOwnNumber(
  tx: ServerDb,
  ctx: ServerCommandContext,
  letter: string,
  number: string,
): Promise<void> {
  const ws = await queryRow<{ prefix: string }>(
    tx,
    sql`SELECT receipt_prefix AS prefix FROM workstations WHERE id = ${ctx.workstationId}`,
  )
  const head = `${letter}-${ws?.prefix ?? ''}-`
  if (!ws || !number.startsWith(head) || !/^\d{1,9}$/.test(number.slice(head.length)))
    reject(requestMessages.foreignNumber(number))
}

export async function serverPrice(
  tx: ServerDb,
  kind: ServiceRequestKind,
  date: string,
): Promise<PriceRow | null> {
  const rows = await queryRows<PriceRow>(
    tx,
    sql`SELECT kind, valid_from AS "validFrom", price, supplier_id AS "supplierId" FROM price_list
         WHERE kind = ${kind} AND branch_id IS NULL AND deleted_at IS NULL`,
  )
  return priceInForce(
    rows.map((r) => ({ ...r, price: Number(r.price) })),
    kind,
    date,
  )
}

/** serviceRequest.register v1: at the server's price list price of the day it was made. */
export const serviceRequestRegister = serverCommand({
  name: 'serviceRequest.register',
  async apply(tx, write, args, ctx) {
    const account = await accountInBranch(tx, args.accountId, ctx.branchId)
    if (!account) reject(syncMessages.accountNotFound)
    if (account.status === 'closed') reject(requestMessages.accountClosed)
    if (args.meterId) {
      const meter = await queryRow(
        tx,
        sql`SELECT 1 FROM meters WHERE id = ${args.meterId} AND account_id = ${args.accountId}
              AND branch_id = ${ctx.branchId} AND deleted_at IS NULL`,
      )
      if (!meter) reject(requestMessages.meterNotFound)
    }
    await requireOwnNumber(tx, ctx, 'З', args.number)
    const price = await serverPrice(tx, args.kind, await commandDate(tx, ctx.at))
    if (!price) reject(requestMessages.notInPriceList)
    await write.insert('service_requests', [
      {
        id: args.requestId,
        accountId: args.accountId,
        number: args.number,
        kind: args.kind,
        meterId: args.meterId,
        contactPhone: args.contactPhone,
        preferredDates: args.preferredDates,
        note: args.note,
        price: price.price,
        supplierId: price.price > 0 ? price.supplierId : null,
        status: 'new',
        registeredAt: ctx.at,
        operatorId: ctx.operatorId,
        updatedAt: ctx.at,
      },
    ])
    return { requestId: args.requestId, price: price.price }
  },
})

async function requestOfBranch(tx: ServerDb, id: string, branchId: string) {
  const row = await queryRow<{ status: ServiceRequestStatus; calledBackAt: string | null }>(
    tx,
    sql`SELECT status, called_back_at AS "calledBackAt" FROM service_requests
         WHERE id = ${id} AND branch_id = ${branchId} AND deleted_at IS NULL`,
  )
  if (!row) reject(requestMessages.notFound)
  return row
}

/** serviceRequest.change v1: a move the status rules allow, from what the server holds. */
export const serviceRequestChange = serverCommand({
  name: 'serviceRequest.change',
  async apply(tx, write, args, ctx) {
    const r = await requestOfBranch(tx, args.requestId, ctx.branchId)
    if (!canMoveRequest(r.status, args.status)) reject(requestMessages.cannotMove)
    const set: Record<string, unknown> = {
      status: args.status,
      calledBackAt: r.calledBackAt ?? ctx.at,
      updatedAt: ctx.at,
    }
    if (args.status === 'scheduled') {
      set.scheduledOn = args.scheduledOn
      set.timeWindow = args.timeWindow
    }
    if (args.outcome) set.outcome = args.outcome
    if (args.sealNumbers) set.sealNumbers = args.sealNumbers
    if (args.status === 'cancelled') set.cancelReason = args.reason
    if (args.status === 'done') set.doneOn = await commandDate(tx, ctx.at)
    await write.update('service_requests', args.requestId, set)
    return null
  },
})

/** serviceRequest.callBack v1: the first call back counts; a second is refused. */
export const serviceRequestCallBack = serverCommand({
  name: 'serviceRequest.callBack',
  async apply(tx, write, args, ctx) {
    const r = await requestOfBranch(tx, args.requestId, ctx.branchId)
    if (r.calledBackAt) reject(requestMessages.alreadyCalledBack)
    await write.update('service_requests', args.requestId, {
      calledBackAt: ctx.at,
      updatedAt: ctx.at,
    })
    return null
  },
})
