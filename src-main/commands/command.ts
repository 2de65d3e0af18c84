import type { CommandName, CommandPayload, SyncCommands } from '../../src-shared/sync/commands'
import { writeAudit, type AuditEntry } from '../audit/audit-log'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { newId } from './new-id'

export interface CommandActor {
  operatorId: string | null
  now: Date
}

export interface ApplyContext extends CommandActor {
  commandId: string
  deviceId: string
  workstationId: string | null
  /** ISO instant of the command */
  at: string
}

/**
 * A named change a clerk makes, one entry of the shared command contract
 * (src-shared/sync/commands.ts): its name, arguments version and the payload it records come
 * from there. `apply` changes the replica and says what goes to the audit log; `executeCommand`
 * wraps it with the outbox entry in one transaction.
 */
export interface CommandDef<A, R, N extends CommandName = CommandName> {
  name: N
  /** Bumped when the arguments' shape changes, so the server reads old clients right. */
  argsVersion: SyncCommands[N]['argsVersion']
  apply(tx: Db, args: A, ctx: ApplyContext): Applied<R, CommandPayload<N>>
}

export interface Applied<R, P = unknown> {
  result: R
  audit: AuditEntry[]
  /**
   * The arguments as the fact was made, when the command fixed more than it was given (ids,
   * receipt numbers, times): the outbox carries these, so the server records the same fact.
   * Without it the arguments travel as they are.
   */
  recorded?: P
}

const committedListeners = new WeakMap<object, () => void>()

/** Called after every command that commits on this replica (the sync loop wakes up). */
export function onCommandCommitted(db: Db, listener: () => void): void {
  committedListeners.set(db.$client, listener)
}

/**
 * The only way a local change is written: the replica change, its outbox entry (UUIDv7 id,
 * device id, next per-device sequence) and its audit entries commit together or not at all.
 */
export function executeCommand<A, R, N extends CommandName>(
  db: Db,
  def: CommandDef<A, R, N>,
  args: A,
  actor: CommandActor,
): R {
  // better-sqlite3 is one synchronous connection: every statement on `db` inside this callback
  // belongs to the transaction. IMMEDIATE takes the write lock up front (no upgrade deadlock).
  // Prepared SQL rather than the query builder: building and preparing each statement cost more
  // than the rest of the save (see bench/readings.ts).
  const run = db.$client.transaction(() => {
    const tx = db
    const device = prepared(
      tx.$client,
      `UPDATE device_state SET last_sequence = last_sequence + 1 WHERE id = 1
       RETURNING device_id AS deviceId, workstation_id AS workstationId, last_sequence AS lastSequence`,
    ).get() as { deviceId: string; workstationId: string | null; lastSequence: number } | undefined
    if (!device) throw new Error('device_state is missing')
    const at = actor.now.toISOString()
    const ctx: ApplyContext = {
      ...actor,
      commandId: newId(),
      deviceId: device.deviceId,
      workstationId: device.workstationId,
      at,
    }
    const { result, audit, recorded } = def.apply(tx, args, ctx)
    prepared(
      tx.$client,
      `INSERT INTO outbox (id, device_id, sequence, name, args_version, args, operator_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      ctx.commandId,
      device.deviceId,
      device.lastSequence,
      def.name,
      def.argsVersion,
      JSON.stringify(recorded ?? args),
      actor.operatorId,
      at,
    )
    for (const entry of audit) writeAudit(tx, ctx, entry)
    return result
  })
  const result = run.immediate()
  committedListeners.get(db.$client)?.()
  return result
}
