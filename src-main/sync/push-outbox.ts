import type { CommandOutcome, PushedCommand } from '../../src-shared/sync/protocol'
import { PUSH_BATCH_LIMIT } from '../../src-shared/sync/protocol'
import type { Db } from '../db/connection'
import { currentDevice } from '../workstation/device'
import type { SyncServerClient } from './server-client'

/** A push stopped by a transient failure on the server: nothing past it was acknowledged. */
export class PushStopped extends Error {}

interface OutboxRow {
  id: string
  sequence: number
  name: string
  argsVersion: number
  args: string
  operatorId: string | null
  createdAt: string
}

/**
 * Sends the waiting outbox in sequence order, in bounded batches, and records each answer.
 * Returns how many commands the server answered.
 */
export async function pushOutbox(
  db: Db,
  client: SyncServerClient,
  now: () => Date,
  batch = PUSH_BATCH_LIMIT,
): Promise<number> {
  const sqlite = db.$client
  const device = currentDevice(db)
  const waiting = sqlite.prepare(
    `SELECT id, sequence, name, args_version AS argsVersion, args, operator_id AS operatorId,
            created_at AS createdAt
       FROM outbox WHERE status = 'pending' ORDER BY sequence LIMIT @batch`,
  )
  const acknowledge = sqlite.prepare(
    `UPDATE outbox SET status = @status, result = @result, reject_reason = @reason,
            server_version = @version, acknowledged_at = @at
      WHERE id = @id AND status = 'pending'`,
  )
  let answered = 0
  for (;;) {
    const rows = waiting.all({ batch }) as OutboxRow[]
    if (rows.length === 0) return answered
    const commands: PushedCommand[] = rows.map((r) => ({
      id: r.id,
      seq: r.sequence,
      name: r.name,
      argsVersion: r.argsVersion,
      args: JSON.parse(r.args),
      operatorId: r.operatorId,
      at: r.createdAt,
    }))
    const response = await client.push(device.deviceId, commands)
    const at = now().toISOString()
    sqlite.transaction(() => {
      let rejected = false
      for (const o of response.outcomes) {
        const answer = answerOf(o)
        acknowledge.run({ ...answer, id: o.id, at })
        rejected ||= answer.status === 'rejected'
      }
      // The replica may hold what the server refused: the next sync verifies it (see sync-run).
      if (rejected) sqlite.prepare('UPDATE sync_state SET verified_at = NULL WHERE id = 1').run()
    })()
    answered += response.outcomes.length
    if (response.stopped) throw new PushStopped(response.stopped)
    if (response.outcomes.length < rows.length) return answered
  }
}

function answerOf(o: CommandOutcome) {
  if (o.status === 'rejected') {
    return { status: 'rejected', result: null, reason: o.reason, version: null }
  }
  const rejected = o.status === 'duplicate' && o.outcome === 'rejected'
  return {
    status: rejected ? 'rejected' : 'sent',
    result: JSON.stringify(o.result ?? null),
    reason: rejected && o.status === 'duplicate' ? o.reason : null,
    version: o.version,
  }
}
