import { sql, type SQL } from 'drizzle-orm'
import type {
  CommandOutcome,
  PushedCommand,
  PushRequest,
  PushResponse,
} from '../../src-shared/sync/protocol'
import { syncMessages } from '../../src-shared/sync/messages'
import { unstorableAt } from '../../src-shared/sync/storable'
import { actorRefusal, confirmingSupervisors, OperatorDirectory } from '../commands/actors'
import { alwaysAccepted, serverCommandFor } from '../commands/registry'
import { CommandRejected } from '../commands/server-command'
import { pipelines, type ServerDb } from '../db/connection'
import { queryRow, queryRows } from '../db/query'
import type { WorkstationIdentity } from '../workstation/credentials'
import { SyncedWriter } from './synced-write'
import { HeldCounters } from './versions'

interface StoredCommand {
  status: 'applied' | 'rejected'
  result: unknown
  reason: string | null
  version: number | null
  /** Whose command the id is (read from the record; absent for one of this push). */
  workstationId?: string
}

/** A command's arguments, as JSON, the server keeps at most (a shift's Z report is ~10 KB). */
export const MAX_ARGS_CHARS = 256 * 1024

/** The record of a command: its arguments as stored, when they cannot be stored as they came. */
interface CommandRecord {
  command: PushedCommand
  stored: StoredCommand
  args?: unknown
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
 * anything in it fails, it is rolled back and its commands go again through the same write one
 * transaction each, where a transient failure stops the batch and a broken constraint rejects
 * only its command.
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
    // The same write as a batch's, of this one command (on PostgreSQL its record goes with its
    // writes, the commit behind).
    const alone = { ...request, commands: [command] }
    try {
      outcomes.push(...(await pushBatch(db, ws, alone, options)))
    } catch (error) {
      // A constraint the data breaks fails the same way on every retry: a permanent rejection,
      // recorded in a fresh transaction, so one bad command cannot hold up the ones after it.
      const violation = constraintViolation(error)
      if (!violation) {
        return { outcomes, stopped: error instanceof Error ? error.message : String(error) }
      }
      try {
        const reason = syncMessages.conflictsWithServer(violation)
        outcomes.push(...(await pushBatch(db, ws, alone, { ...options, reason })))
      } catch (again) {
        return { outcomes, stopped: again instanceof Error ? again.message : String(again) }
      }
    }
  }
  return { outcomes, stopped: null }
}

/**
 * The constraint an integrity violation (SQLSTATE class 23) names, or the code of data the
 * database cannot take (class 22: bad text, a number out of range; 54: over a limit), through
 * drizzle's wrapper: failures that come back the same on every retry.
 */
function constraintViolation(error: unknown): string | null {
  for (let e = error; e instanceof Error || (e && typeof e === 'object');) {
    const { code, constraint, cause } = e as {
      code?: unknown
      constraint?: unknown
      cause?: unknown
    }
    if (typeof code === 'string' && /^(22|23|54)/.test(code)) {
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
  /** Arguments the database cannot hold are kept as their JSON text, for the supervisor. */
  args?: unknown
}

/** Another workstation's command id: refused as such, never answered with that command's result. */
function foreign(stored: StoredCommand, ws: WorkstationIdentity): boolean {
  return stored.workstationId !== undefined && stored.workstationId !== ws.workstationId
}

function foreignOutcome(command: PushedCommand): CommandOutcome {
  return { id: command.id, status: 'rejected', reason: syncMessages.foreignCommandId }
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
  directory: OperatorDirectory,
  held: HeldCounters | null = null,
  closing?: Closing,
): Promise<Decision> {
  const rejected = (reason: string, advance: boolean, args?: unknown): Decision => ({
    outcome: { id: command.id, status: 'rejected', reason },
    stored: { status: 'rejected', result: null, reason, version: null },
    advance,
    args,
  })
  // First what the record itself could not hold: refused for good, the queue behind goes on.
  const text = JSON.stringify(command.args ?? null)
  if (text.length > MAX_ARGS_CHARS) {
    // Not kept: only how large it was.
    return rejected(syncMessages.tooLarge(Math.ceil(text.length / 1024)), true, {
      omittedChars: text.length,
    })
  }
  const bad = unstorableAt(command.args)
  if (bad !== null) return rejected(syncMessages.unstorableText(bad), true, text)
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
  // The contract's schema of its version, strict: what was sent is exactly a known payload.
  const parsed = def.payload.safeParse(command.args)
  if (!parsed.success) {
    return rejected(parsed.error.issues[0]?.message ?? syncMessages.invalidArgs(''), true)
  }
  const sessionOperatorId = options.sessionOperatorId ?? null
  const refusal = await actorRefusal(directory, ws, command, def.contract, sessionOperatorId)
  if (refusal) return rejected(refusal, true)
  const operator = (await directory.get(command.operatorId!))!
  const write = new SyncedWriter(tx, ws.branchId, held)
  try {
    // Appliers refuse before they write: a refusal leaves nothing but the record and the sequence.
    const result = await def.applier.apply(tx, write, parsed.data as never, {
      commandId: command.id,
      deviceId,
      workstationId: ws.workstationId,
      branchId: ws.branchId,
      operatorId: operator.id,
      operatorCentral: operator.central,
      sessionOperatorId,
      at: command.at,
    })
    // Who an operator is may have just changed: the next command naming them reads it again.
    if (command.name === 'operator.save') {
      directory.forget((parsed.data as { operatorId: string }).operatorId)
    }
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
  records: CommandRecord[],
  sessionOperatorId: string | null = null,
  /** The version of every record as SQL, when it is not known yet. */
  version: SQL | null = null,
): SQL {
  const values = records.map(({ command, stored, args }) => ({
    command_id: command.id,
    device_id: deviceId,
    seq: command.seq,
    workstation_id: ws.workstationId,
    branch_id: ws.branchId,
    name: command.name,
    args_version: command.argsVersion,
    args: args !== undefined ? args : (command.args ?? null),
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
    // All sent at once: the records are read after the device's lock is taken, in order; the
    // operators the batch names (one query for all of them) with them.
    const directory = new OperatorDirectory(tx)
    const [device, storedRows] = await Promise.all([
      lockDevice(tx, ws, deviceId),
      queryRows<StoredCommand & { id: string }>(
        tx,
        sql`SELECT command_id AS id, status, result, reason, version,
                   workstation_id AS "workstationId"
              FROM applied_commands
             WHERE command_id IN (${sql.join(
               commands.map((c) => sql`${c.id}`),
               sql`, `,
             )})`,
      ),
      directory.load(commands.flatMap((c) => [c.operatorId, ...confirmingSupervisors(c)])),
    ])
    const seen = new Map<string, StoredCommand>(storedRows.map((row) => [row.id, row]))
    // Many commands: hold the counters, stored once at the end. One: its writes move them in the
    // statement that writes its rows, the shortest hold of the lock other workstations wait for.
    const held = commands.length > 1 ? new HeldCounters(tx, pipelines(db)) : null
    const outcomes: CommandOutcome[] = []
    const records: CommandRecord[] = []
    const firstSeq = device.lastSeq
    for (const command of commands) {
      const stored = seen.get(command.id)
      if (stored && foreign(stored, ws)) {
        // Its record is the other workstation's: nothing is stored, the sequence moves on.
        outcomes.push(foreignOutcome(command))
        if (command.seq > device.lastSeq) device.lastSeq = command.seq
        continue
      }
      if (stored) {
        outcomes.push(duplicateOf(command, stored))
        continue
      }
      const decision = await decide(
        tx,
        ws,
        deviceId,
        device,
        command,
        options,
        directory,
        held,
        closing,
      )
      if (decision.sent) {
        finished = decision.sent
        outcomes.push(decision.outcome)
        continue
      }
      if (decision.advance) device.lastSeq = command.seq
      seen.set(command.id, decision.stored)
      records.push({ command, stored: decision.stored, args: decision.args })
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
