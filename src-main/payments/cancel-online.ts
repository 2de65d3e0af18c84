import type { HandlerContext } from '../api/dispatch'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { operatorSessionLink } from '../operators/online-session'
import { pushOutbox } from '../sync/push-outbox'
import { REFUSED_AT_ONCE, setAside } from '../sync/set-aside'
import { clientFor } from '../sync/sync-run'
import { readSyncState } from '../sync/sync-state'

/**
 * One payment, one refund. Two desks that each cancel a payment offline would both hand the money
 * back, and the server could refuse only the second cancellation after the fact. So a desk
 * cancels offline only the payments it took itself (nobody else can cancel them while it is
 * offline: the money is in its drawer's shift); a payment taken at another workstation, or
 * arriving from outside (bank, post), is cancelled only while the server answers, and the server
 * decides at once: the cancellation goes up before the refund is handed out.
 */
export const cancelMessages = {
  offline:
    'Платеж принят на другом рабочем месте: отменить его можно только при связи с центральным сервером, а связи нет. Деньги не выдавайте; повторите, когда связь появится.',
  noAnswer:
    'Сервер не ответил на отмену платежа: пока не выдавайте деньги. Отмена ждет ответа сервера на экране «Синхронизация»; выдайте деньги, когда сервер ее примет.',
  rejected: (reason: string) => `Сервер не принял отмену: ${reason} Деньги не выдавайте.`,
}

/** Whether this desk cancels the payment only with the server's answer (it took it elsewhere). */
export function cancelsOnlyOnline(db: Db, paymentId: string): boolean {
  // A replica without a server has no other desk to race with.
  if (!readSyncState(db)) return false
  const row = prepared(
    db.$client,
    `SELECT p.workstation_id IS NOT d.workstation_id AS elsewhere
       FROM payments p, device_state d WHERE p.id = ? AND d.id = 1`,
  ).get(paymentId) as { elsewhere: number } | undefined
  return row?.elsewhere === 1
}

/**
 * Runs `cancel` (the local command) for a payment taken elsewhere only while the server answers,
 * then pushes it at once and answers with the server's decision: a rejected cancellation is set
 * aside (in no balance, on the Sync screen with the reason) and refused to the clerk.
 */
export async function cancelWithServer<R>(ctx: HandlerContext, paymentId: string, cancel: () => R) {
  const { db, appVersion, sessions, clock } = ctx.services
  const client = clientFor(db, appVersion, undefined, operatorSessionLink(db, sessions, clock))!
  const state = readSyncState(db)!
  try {
    // One page of one row, stored nowhere: the server answers now.
    await client.pull({
      cursor: { branch: state.cursorBranch, global: state.cursorGlobal },
      limit: 1,
    })
  } catch {
    throw new ApiFailure('conflict', cancelMessages.offline)
  }
  const result = cancel()
  const { commandId, cancellationId } = prepared(
    db.$client,
    `SELECT id AS commandId, json_extract(args, '$.cancellationId') AS cancellationId FROM outbox
      WHERE name = 'payment.cancel' AND json_extract(args, '$.paymentId') = ?
      ORDER BY sequence DESC LIMIT 1`,
  ).get(paymentId) as { commandId: string; cancellationId: string }
  try {
    await pushOutbox(db, client, clock)
  } catch {
    // Told below from the entry's status: another push (the sync loop's) may have answered it.
  }
  const entry = prepared(
    db.$client,
    'SELECT status, reject_reason AS reason FROM outbox WHERE id = ?',
  ).get(commandId) as { status: string; reason: string | null }
  if (entry.status === 'pending') throw new ApiFailure('conflict', cancelMessages.noAnswer)
  if (entry.status === 'rejected') {
    const sqlite = db.$client
    sqlite.transaction(() => {
      // Ours, by id: a pull may already have set it aside for the server's cancellation.
      const row = prepared(sqlite, 'SELECT * FROM payment_cancellations WHERE id = ?').get(
        cancellationId,
      ) as Record<string, unknown> | undefined
      if (row) {
        setAside(db, 'payment_cancellations', row, REFUSED_AT_ONCE, null, clock().toISOString())
      }
    })()
    throw new ApiFailure('conflict', cancelMessages.rejected(entry.reason ?? ''))
  }
  return result
}
