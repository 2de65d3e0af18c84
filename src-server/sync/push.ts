import { sql } from 'drizzle-orm'
import type {
  CommandOutcome,
  PushedCommand,
  PushRequest,
  PushResponse,
} from '../../src-shared/sync/protocol'
import { syncMessages } from '../../src-shared/sync/messages'
import { alwaysAccepted, serverCommandFor } from '../commands/registry'
import { CommandRejected } from '../commands/server-command'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import type { WorkstationIdentity } from '../workstations/credentials'
import { SyncedWriter } from './synced-write'

interface StoredCommand {
  status: 'applied' | 'rejected'
  result: unknown
  reason: string | null
  version: number | null
}

export interface PushOptions {
  /** The client's app is older than the server takes other commands from. */
  outdated: boolean
  /** Test hook: runs inside each command's transaction before it commits. */
  beforeCommit?: (command: PushedCommand) => Promise<void>
  /** Reject instead of applying (the command broke a constraint on the first try). */
  reason?: string
}

/**
 * Applies a workstation's commands in order, each in its own transaction with its idempotency
 * record and the device's sequence. A transient failure stops the batch; what is answered is
 * committed.
 */
export async function pushCommands(
  db: ServerDb,
  ws: WorkstationIdentity,
  request: PushRequest,
  options: PushOptions,
): Promise<PushResponse> {
  const outcomes: CommandOutcome[] = []
  for (const command of request.commands) {
    try {
      outcomes.push(await pushOne(db, ws, request.deviceId, command, options))
    } catch (error) {
      // A constraint the data breaks fails the same way on every retry: a permanent rejection,
      // recorded in a fresh transaction, so one bad command cannot hold up the ones after it.
      const violation = constraintViolation(error)
      if (!violation) {
        return { outcomes, stopped: error instanceof Error ? error.message : String(error) }
      }
      try {
        const reason = syncMessages.conflictsWithServer(violation)
        outcomes.push(await pushOne(db, ws, request.deviceId, command, { ...options, reason }))
      } catch (again) {
        return { outcomes, stopped: again instanceof Error ? again.message : String(again) }
      }
    }
  }
  return { outcomes, stopped: null }
}

/** The constraint an integrity violation (SQLSTATE class 23) names, through drizzle's wrapper. */
function constraintViolation(error: unknown): string | null {
  for (let e = error; e instanceof Error || (e && typeof e === 'object');) {
    const { code, constraint, cause } = e as {
      code?: unknown
      constraint?: unknown
      cause?: unknown
    }
    if (typeof code === 'string' && code.startsWith('23')) {
      return typeof constraint === 'string' ? constraint : code
    }
    e = cause
  }
  return null
}

async function pushOne(
  db: ServerDb,
  ws: WorkstationIdentity,
  deviceId: string,
  command: PushedCommand,
  options: PushOptions,
): Promise<CommandOutcome> {
  return db.transaction(async (tx) => {
    // The device row is the per-device lock: duplicates in flight wait here, then see the record.
    const device = (await queryRow<{ workstationId: string; lastSeq: number }>(
      tx,
      sql`INSERT INTO devices (device_id, workstation_id) VALUES (${deviceId}, ${ws.workstationId})
          ON CONFLICT (device_id) DO UPDATE SET last_seen_at = now()
          RETURNING workstation_id AS "workstationId", last_seq AS "lastSeq"`,
    ))!
    const stored = await queryRow<StoredCommand>(
      tx,
      sql`SELECT status, result, reason, version FROM applied_commands WHERE command_id = ${command.id}`,
    )
    if (stored) {
      return {
        id: command.id,
        status: 'duplicate',
        outcome: stored.status,
        result: stored.result,
        reason: stored.reason,
        version: stored.version === null ? null : Number(stored.version),
      }
    }
    // The idempotency record, and in the same statement the device's sequence when it advances.
    const record = async (outcome: StoredCommand, advance: boolean) => {
      const insert = sql`INSERT INTO applied_commands (command_id, device_id, seq, workstation_id, branch_id, name,
              args_version, args, operator_id, at, status, result, reason, version)
            VALUES (${command.id}, ${deviceId}, ${command.seq}, ${ws.workstationId}, ${ws.branchId},
              ${command.name}, ${command.argsVersion}, ${JSON.stringify(command.args ?? null)}::jsonb,
              ${command.operatorId}, ${command.at}, ${outcome.status},
              ${JSON.stringify(outcome.result ?? null)}::jsonb, ${outcome.reason}, ${outcome.version})`
      await tx.execute(
        advance
          ? sql`WITH recorded AS (${insert})
                UPDATE devices SET last_seq = ${command.seq} WHERE device_id = ${deviceId}`
          : insert,
      )
    }
    const rejected = async (reason: string, advance: boolean): Promise<CommandOutcome> => {
      await record({ status: 'rejected', result: null, reason, version: null }, advance)
      return { id: command.id, status: 'rejected', reason }
    }

    if (device.workstationId !== ws.workstationId) {
      return rejected(syncMessages.foreignDevice, false)
    }
    if (command.seq <= Number(device.lastSeq)) {
      // A sequence taken by another command: a copied or restored replica. Never applied.
      console.warn(
        `sync: cloned device ${deviceId} (workstation ${ws.workstationId}): seq ${command.seq} reused by ${command.id}`,
      )
      return rejected(syncMessages.clonedDevice(command.seq, Number(device.lastSeq)), false)
    }
    if (options.reason) return rejected(options.reason, true)
    const def = serverCommandFor(command.name, command.argsVersion)
    if (!def) return rejected(syncMessages.unknownCommand(command.name, command.argsVersion), true)
    if (options.outdated && !alwaysAccepted(command.name)) {
      return rejected(syncMessages.updateRequiredForCommand, true)
    }
    const parsed = def.args.safeParse(command.args)
    if (!parsed.success) {
      return rejected(parsed.error.issues[0]?.message ?? syncMessages.invalidArgs(''), true)
    }
    let applied: { result: unknown; version: number | null }
    const write = new SyncedWriter(tx, ws.branchId)
    try {
      // Appliers refuse before they write: a refusal leaves nothing but the record and the sequence.
      const result = await def.apply(tx, write, parsed.data, {
        commandId: command.id,
        deviceId,
        workstationId: ws.workstationId,
        branchId: ws.branchId,
        operatorId: command.operatorId,
        at: command.at,
      })
      await write.flush()
      applied = { result, version: write.lastVersion }
    } catch (error) {
      if (error instanceof CommandRejected) return rejected(error.message, true)
      throw error
    }
    await record({ status: 'applied', reason: null, ...applied }, true)
    await options.beforeCommit?.(command)
    return { id: command.id, status: 'applied', result: applied.result, version: applied.version }
  })
}
