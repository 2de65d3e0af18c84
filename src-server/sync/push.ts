import { sql, type SQL } from 'drizzle-orm'
import type {
  CommandOutcome,
  PushedCommand,
  PushRequest,
  PushResponse,
} from '../../src-shared/sync/protocol'
import { syncMessages } from '../../src-shared/sync/messages'
import { alwaysAccepted, serverCommandFor } from '../commands/registry'
import { CommandRejected } from '../commands/server-command'
import { pipelines, type ServerDb } from '../db/connection'
import { queryRow, queryRows } from '../db/query'
import type { WorkstationIdentity } from '../workstations/credentials'
import { SyncedWriter } from './synced-write'
import { HeldCounters } from './versions'

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
  /** The operator of the online session the push came with (its token stood), else null. */
  sessionOperatorId?: string | null
  /** Reject instead of applying (the command broke a constraint on the first try). */
  reason?: string
}

/**
 * Applies a workstation's commands in order, each with its idempotency record and the device's
 * sequence in the same transaction as its effects. A batch first goes as one transaction (group
 * commit: one lock of the device, one write of the records and of its sequence). If
 * anything in it fails, it is rolled back and its commands go again one transaction each, where a
 * transient failure stops the batch and a broken constraint rejects only its command.
 */
export async function pushCommands(
  db: ServerDb,
  ws: WorkstationIdentity,
  request: PushRequest,
  options: PushOptions,
): Promise<PushResponse> {
  try {
    return { outcomes: await pushBatch(db, ws, request, options), stopped: null }
  } catch {
    return pushEach(db, ws, request, options)
  }
}

async function pushEach(
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

interface DeviceRow {
  workstationId: string
  lastSeq: number
}

/** The device row is the per-device lock: duplicates in flight wait here, then see the record. */
async function lockDevice(tx: ServerDb, ws: WorkstationIdentity, deviceId: string) {
  const device = (await queryRow<DeviceRow>(
    tx,
    sql`INSERT INTO devices (device_id, workstation_id) VALUES (${deviceId}, ${ws.workstationId})
        ON CONFLICT (device_id) DO UPDATE SET last_seen_at = now()
        RETURNING workstation_id AS "workstationId", last_seq AS "lastSeq"`,
  ))!
  return { workstationId: device.workstationId, lastSeq: Number(device.lastSeq) }
}

function duplicateOf(command: PushedCommand, stored: StoredCommand): CommandOutcome {
  return {
    id: command.id,
    status: 'duplicate',
    outcome: stored.status,
    result: stored.result,
    reason: stored.reason,
    version: stored.version === null ? null : Number(stored.version),
  }
}

/**
 * What one new command comes to: its answer, the record to store, and whether seq advances.
 * `sent`: the record and the sequence already went out with its writes (see `Closing`); it
 * settles with the statement's failure, if any.
 */
interface Decision {
  outcome: CommandOutcome
  stored: StoredCommand
  advance: boolean
  sent?: Promise<{ error: unknown } | null>
}

/**
 * The rest of a lone command's transaction (its record, the device's sequence) as statements,
 * given its stored outcome and its version as SQL: sent with its writes, so the branch counter's
 * lock is held only while the database works (see SyncedWriter.sendWith).
 */
type Closing = (stored: StoredCommand, version: SQL | null) => SQL[]

/** Checks one command not seen before and, when it passes, applies it through `versions`. */
async function decide(
  tx: ServerDb,
  ws: WorkstationIdentity,
  deviceId: string,
  device: DeviceRow,
  command: PushedCommand,
  options: PushOptions,
  held: HeldCounters | null = null,
  closing?: Closing,
): Promise<Decision> {
  const rejected = (reason: string, advance: boolean): Decision => ({
    outcome: { id: command.id, status: 'rejected', reason },
    stored: { status: 'rejected', result: null, reason, version: null },
    advance,
  })
  if (device.workstationId !== ws.workstationId) {
    return rejected(syncMessages.foreignDevice, false)
  }
  if (command.seq <= device.lastSeq) {
    // A sequence taken by another command: a copied or restored replica. Never applied.
    console.warn(
      `sync: cloned device ${deviceId} (workstation ${ws.workstationId}): seq ${command.seq} reused by ${command.id}`,
    )
    return rejected(syncMessages.clonedDevice(command.seq, device.lastSeq), false)
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
  const write = new SyncedWriter(tx, ws.branchId, held)
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
    const stored: StoredCommand = { status: 'applied', result, reason: null, version: null }
    const sent = closing && write.sendWith((version) => closing(stored, version))
    if (sent) {
      const outcome: CommandOutcome = { id: command.id, status: 'applied', result, version: null }
      return {
        outcome,
        stored,
        advance: true,
        sent: sent.then(
          (version) => {
            outcome.version = stored.version = version
            return null
          },
          (error: unknown) => ({ error }),
        ),
      }
    }
    await write.flush()
    stored.version = write.lastVersion
    return {
      outcome: { id: command.id, status: 'applied', result, version: stored.version },
      stored,
      advance: true,
    }
  } catch (error) {
    if (error instanceof CommandRejected) return rejected(error.message, true)
    throw error
  }
}

/** The idempotency records of commands of one device, one statement for any number of them. */
function insertRecords(
  ws: WorkstationIdentity,
  deviceId: string,
  records: { command: PushedCommand; stored: StoredCommand }[],
  sessionOperatorId: string | null = null,
  /** The version of every record as SQL, when it is not known yet. */
  version: SQL | null = null,
): SQL {
  const values = records.map(({ command, stored }) => ({
    command_id: command.id,
    device_id: deviceId,
    seq: command.seq,
    workstation_id: ws.workstationId,
    branch_id: ws.branchId,
    name: command.name,
    args_version: command.argsVersion,
    args: command.args ?? null,
    operator_id: command.operatorId,
    session_operator_id: sessionOperatorId,
    at: command.at,
    status: stored.status,
    result: stored.result ?? null,
    reason: stored.reason,
    version: stored.version,
  }))
  const names = Object.keys(values[0]!)
  const picked = names.map((c) => (c === 'version' && version ? version : sql.raw(c)))
  return sql`INSERT INTO applied_commands (${sql.raw(names.join(', '))})
             SELECT ${sql.join(picked, sql`, `)}
               FROM json_populate_recordset(NULL::applied_commands, ${JSON.stringify(values)}::json)`
}

/** The whole batch in one transaction; throws (rolling everything back) on any failure. */
async function pushBatch(
  db: ServerDb,
  ws: WorkstationIdentity,
  request: PushRequest,
  options: PushOptions,
): Promise<CommandOutcome[]> {
  const { deviceId, commands } = request
  if (commands.length === 0) return []
  // On a pipelining connection the commit is sent right behind the last statement, not after
  // its answer: the branch counter's lock, taken by the writes, then waits for no round trip of
  // ours. A failure of that statement turns the commit into a rollback, and fails the batch here.
  const commitBehind = pipelines(db) && !options.beforeCommit
  let finished: Promise<{ error: unknown } | null> = Promise.resolve(null)
  // A lone command sends its record and sequence with its writes.
  const closing: Closing | undefined =
    commitBehind && commands.length === 1
      ? (stored, version) => [
          sql`UPDATE devices SET last_seq = ${commands[0]!.seq} WHERE device_id = ${deviceId}`,
          insertRecords(
            ws,
            deviceId,
            [{ command: commands[0]!, stored }],
            options.sessionOperatorId,
            version,
          ),
        ]
      : undefined
  const outcomes = await db.transaction(async (tx) => {
    // Both sent at once: the records are read after the device's lock is taken, in order.
    const [device, storedRows] = await Promise.all([
      lockDevice(tx, ws, deviceId),
      queryRows<StoredCommand & { id: string }>(
        tx,
        sql`SELECT command_id AS id, status, result, reason, version FROM applied_commands
             WHERE command_id IN (${sql.join(
               commands.map((c) => sql`${c.id}`),
               sql`, `,
             )})`,
      ),
    ])
    const seen = new Map<string, StoredCommand>(storedRows.map((row) => [row.id, row]))
    // Many commands: hold the counters, stored once at the end. One: its writes move them in the
    // statement that writes its rows, the shortest hold of the lock other workstations wait for.
    const held = commands.length > 1 ? new HeldCounters(tx, pipelines(db)) : null
    const outcomes: CommandOutcome[] = []
    const records: { command: PushedCommand; stored: StoredCommand }[] = []
    const firstSeq = device.lastSeq
    for (const command of commands) {
      const stored = seen.get(command.id)
      if (stored) {
        outcomes.push(duplicateOf(command, stored))
        continue
      }
      const decision = await decide(tx, ws, deviceId, device, command, options, held, closing)
      if (decision.sent) {
        finished = decision.sent
        outcomes.push(decision.outcome)
        continue
      }
      if (decision.advance) device.lastSeq = command.seq
      seen.set(command.id, decision.stored)
      records.push({ command, stored: decision.stored })
      outcomes.push(decision.outcome)
    }
    await held?.settle()
    const finish: SQL[] = held?.statements() ?? []
    if (device.lastSeq !== firstSeq) {
      finish.push(
        sql`UPDATE devices SET last_seq = ${device.lastSeq} WHERE device_id = ${deviceId}`,
      )
    }
    if (records.length > 0) {
      finish.push(insertRecords(ws, deviceId, records, options.sessionOperatorId))
    }
    if (finish.length > 0) {
      // One round trip: the records, the device's sequence (and held counters).
      const ctes = finish.slice(0, -1).map((q, k) => sql`${sql.raw(`f${k}`)} AS (${q})`)
      const statement = tx.execute(
        ctes.length === 0 ? finish[0]! : sql`WITH ${sql.join(ctes, sql`, `)} ${finish.at(-1)!}`,
      )
      if (commitBehind) {
        finished = Promise.resolve(
          statement.then(
            () => null,
            (error: unknown) => ({ error }),
          ),
        )
      } else {
        await statement
      }
    }
    for (const { command, stored } of records) {
      if (stored.status === 'applied') await options.beforeCommit?.(command)
    }
    return outcomes
  })
  const failed = await finished
  if (failed) throw failed.error
  return outcomes
}

/** One command in its own transaction with its record (the path after a failed batch). */
async function pushOne(
  db: ServerDb,
  ws: WorkstationIdentity,
  deviceId: string,
  command: PushedCommand,
  options: PushOptions,
): Promise<CommandOutcome> {
  return db.transaction(async (tx) => {
    const device = await lockDevice(tx, ws, deviceId)
    const stored = await queryRow<StoredCommand>(
      tx,
      sql`SELECT status, result, reason, version FROM applied_commands WHERE command_id = ${command.id}`,
    )
    if (stored) return duplicateOf(command, stored)
    const decision = await decide(tx, ws, deviceId, device, command, options)
    const record = insertRecords(
      ws,
      deviceId,
      [{ command, stored: decision.stored }],
      options.sessionOperatorId,
    )
    // The record, and in the same statement the device's sequence when it advances.
    await tx.execute(
      decision.advance
        ? sql`WITH recorded AS (${record})
              UPDATE devices SET last_seq = ${command.seq} WHERE device_id = ${deviceId}`
        : record,
    )
    if (decision.stored.status === 'applied') await options.beforeCommit?.(command)
    return decision.outcome
  })
}
